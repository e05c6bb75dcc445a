"""Tables, code lists, the gazetteer and the SQLCipher engine. Imports no Qt."""
