"""Key slots, accounts and permissions, the audit chain. Imports no Qt."""
