<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Khmer for Qt's own dialogs and menus (Qt ships none): the file, print and message
     dialogs, text-field menus. Written by hand; views/i18n.py installs it with the app's
     translation. Source strings are Qt's own (context = Qt class). -->
<TS version="2.1" language="km_KH" sourcelanguage="en">
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>យល់ព្រម</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>រក្សាទុក</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>រក្សាទុកទាំងអស់</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>បើក</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>បាទ/ចាស</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>បាទ/ចាស ទាំងអស់</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>ទេ</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>ទេ ទាំងអស់</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>បោះបង់ចោល</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>ព្យាយាមម្ដងទៀត</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>មិនអើពើ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>បិទ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>មិនរក្សាទុក</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>ជំនួយ</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>អនុវត្ត</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>កំណត់ឡើងវិញ</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>ស្ដារលំនាំដើម</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
រកមិនឃើញថតឯកសារ។
សូមពិនិត្យឈ្មោះថតឯកសារឡើងវិញ។</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
រកមិនឃើញឯកសារ។
សូមពិនិត្យឈ្មោះឯកសារឡើងវិញ។</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>ឯកសារ %1</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 មានរួចហើយ។
តើចង់ជំនួសវាឬទេ?</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>ជ្រើសរើស</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>លុប</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>ថតថ្មី</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>បើក</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>ប្ដូរឈ្មោះ</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>រក្សាទុក</translation>
    </message>
    <message>
        <source>'%1' is write protected.
Do you want to delete it anyway?</source>
        <translation>'%1' ត្រូវបានការពារមិនឱ្យសរសេរ។
តើនៅតែចង់លុបវាឬ?</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>តំណ</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>ឯកសារទាំងអស់ (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>ឯកសារទាំងអស់ (*)</translation>
    </message>
    <message>
        <source>Are you sure you want to delete '%1'?</source>
        <translation>តើប្រាកដជាចង់លុប '%1' ឬ?</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>ថយក្រោយ</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>បង្ហាញលម្អិត</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>បង្ហាញជាបញ្ជី</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>មិនអាចលុបថតឯកសារបានទេ។</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>បង្កើតថតថ្មី</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>បង្កើតថតថ្មី</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>លុប</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>ទិដ្ឋភាពលម្អិត</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>ថតឯកសារ</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>ថតឯកសារ៖</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>ដ្រាយ</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ឯកសារ</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>ឈ្មោះឯកសារ៖</translation>
    </message>
    <message>
        <source>File Folder</source>
        <translation>ថតឯកសារ</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>ឯកសារ</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>ប្រភេទឯកសារ៖</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>ស្វែងរកថតឯកសារ</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>ថត</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>ទៅមុខ</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>ថយក្រោយ</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>ទៅមុខ</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>ទៅថតមេ</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>ទិដ្ឋភាពបញ្ជី</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>បញ្ជីទីតាំង និងចំណាំ</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translation>មើលក្នុង៖</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation>មើលក្នុង៖</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>ប្រភេទឯកសារ៖</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>កុំព្យូទ័ររបស់ខ្ញុំ</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>ថតថ្មី</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>បើក</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>ថតមេ</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>ទីតាំងថ្មីៗ</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>ដកចេញ</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>រក្សាទុកជា</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>ផ្លូវកាត់</translation>
    </message>
    <message>
        <source>Show </source>
        <translation>បង្ហាញ </translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>បង្ហាញឯកសារលាក់</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>របារចំហៀង</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>មិនស្គាល់</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>&lt;b&gt;The name "%1" cannot be used.&lt;/b&gt;&lt;p&gt;Try using another name, with fewer characters or no punctuation marks.</source>
        <translation>&lt;b&gt;មិនអាចប្រើឈ្មោះ "%1" បានទេ។&lt;/b&gt;&lt;p&gt;សូមប្រើឈ្មោះផ្សេង ដែលខ្លីជាង ឬគ្មានសញ្ញាវណ្ណយុត្តិ។</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>កុំព្យូទ័រ</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>កាលបរិច្ឆេទកែប្រែ</translation>
    </message>
    <message>
        <source>Invalid filename</source>
        <translation>ឈ្មោះឯកសារមិនត្រឹមត្រូវ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ប្រភេទ</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>កុំព្យូទ័ររបស់ខ្ញុំ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ឈ្មោះ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>ទំហំ</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>ប្រភេទ</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Copy</source>
        <translation>ចម្លង</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>បិទភ្ជាប់</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>ធ្វើវិញ</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>មិនធ្វើវិញ</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>កាត់</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>លុប</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>ជ្រើសទាំងអស់</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Copy</source>
        <translation>ចម្លង</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>បិទភ្ជាប់</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>ធ្វើវិញ</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>មិនធ្វើវិញ</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>កាត់</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>លុប</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>ជ្រើសទាំងអស់</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>ចម្លងទីតាំងតំណ</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>ជ្រើសទាំងអស់</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>បង្កើន</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>បន្ថយ</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>បង្ហាញព័ត៌មានលម្អិត...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>លាក់ព័ត៌មានលម្អិត...</translation>
    </message>
</context>
<context>
    <name>QPrintDialog</name>
    <message>
        <source>&amp;Print</source>
        <translation>បោះពុម្ព</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>បោះពុម្ព</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>យល់ព្រម</translation>
    </message>
    <message>
        <source>&amp;Options &gt;&gt;</source>
        <translation>ជម្រើស &gt;&gt;</translation>
    </message>
    <message>
        <source>&amp;Options &lt;&lt;</source>
        <translation>ជម្រើស &lt;&lt;</translation>
    </message>
    <message>
        <source>All Pages</source>
        <translation>គ្រប់ទំព័រ</translation>
    </message>
    <message>
        <source>Odd Pages</source>
        <translation>ទំព័រសេស</translation>
    </message>
    <message>
        <source>Even Pages</source>
        <translation>ទំព័រគូ</translation>
    </message>
    <message>
        <source>Local file</source>
        <translation>ឯកសារក្នុងម៉ាស៊ីន</translation>
    </message>
    <message>
        <source>Print to File (PDF)</source>
        <translation>បោះពុម្ពទៅឯកសារ (PDF)</translation>
    </message>
    <message>
        <source>Print To File ...</source>
        <translation>បោះពុម្ពទៅឯកសារ...</translation>
    </message>
    <message>
        <source>Write PDF file</source>
        <translation>សរសេរឯកសារ PDF</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to overwrite it?</source>
        <translation>%1 មានរួចហើយ។
តើចង់សរសេរជាន់លើវាឬទេ?</translation>
    </message>
    <message>
        <source>%1 is a directory.
Please choose a different file name.</source>
        <translation>%1 ជាថតឯកសារ។
សូមជ្រើសឈ្មោះឯកសារផ្សេង។</translation>
    </message>
    <message>
        <source>File %1 is not writable.
Please choose a different file name.</source>
        <translation>មិនអាចសរសេរឯកសារ %1 បានទេ។
សូមជ្រើសឈ្មោះឯកសារផ្សេង។</translation>
    </message>
    <message>
        <source>The 'From' value cannot be greater than the 'To' value.</source>
        <translation>តម្លៃ 'ពី' មិនអាចធំជាងតម្លៃ 'ដល់' បានទេ។</translation>
    </message>
    <message>
        <source>Invalid Pages Definition</source>
        <translation>ការកំណត់ទំព័រមិនត្រឹមត្រូវ</translation>
    </message>
</context>
<context>
    <name>QPrintWidget</name>
    <message>
        <source>&amp;Name:</source>
        <translation>ឈ្មោះ៖</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>ទីតាំង៖</translation>
    </message>
    <message>
        <source>Output &amp;file:</source>
        <translation>ឯកសារលទ្ធផល៖</translation>
    </message>
    <message>
        <source>P&amp;roperties</source>
        <translation>លក្ខណៈសម្បត្តិ</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>មើលជាមុន</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>ម៉ាស៊ីនបោះពុម្ព</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>ប្រភេទ៖</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Collate</source>
        <translation>តម្រៀបច្បាប់</translation>
    </message>
    <message>
        <source>Color</source>
        <translation>ពណ៌</translation>
    </message>
    <message>
        <source>Color Mode</source>
        <translation>របៀបពណ៌</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>ចំនួនច្បាប់</translation>
    </message>
    <message>
        <source>Copies:</source>
        <translation>ចំនួនច្បាប់៖</translation>
    </message>
    <message>
        <source>Current Page</source>
        <translation>ទំព័របច្ចុប្បន្ន</translation>
    </message>
    <message>
        <source>Double Sided Printing</source>
        <translation>បោះពុម្ពសងខាង</translation>
    </message>
    <message>
        <source>Grayscale</source>
        <translation>ស-ខ្មៅ</translation>
    </message>
    <message>
        <source>Long side binding</source>
        <translation>ចងតាមជ្រុងវែង</translation>
    </message>
    <message>
        <source>Short side binding</source>
        <translation>ចងតាមជ្រុងខ្លី</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>បិទ</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>ជម្រើស</translation>
    </message>
    <message>
        <source>Output Settings</source>
        <translation>ការកំណត់លទ្ធផល</translation>
    </message>
    <message>
        <source>Page Set:</source>
        <translation>សំណុំទំព័រ៖</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>ទំព័រ</translation>
    </message>
    <message>
        <source>Pages from</source>
        <translation>ទំព័រពី</translation>
    </message>
    <message>
        <source>Print all</source>
        <translation>បោះពុម្ពទាំងអស់</translation>
    </message>
    <message>
        <source>Print range</source>
        <translation>ចន្លោះបោះពុម្ព</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>បញ្ច្រាស</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>ផ្នែកដែលបានជ្រើស</translation>
    </message>
    <message>
        <source>to</source>
        <translation>ដល់</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <source>Portrait</source>
        <translation>បញ្ឈរ</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>ផ្ដេក</translation>
    </message>
    <message>
        <source>Reverse portrait</source>
        <translation>បញ្ឈរបញ្ច្រាស</translation>
    </message>
    <message>
        <source>Reverse landscape</source>
        <translation>ផ្ដេកបញ្ច្រាស</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>ទិស</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>ក្រដាស</translation>
    </message>
    <message>
        <source>Page size:</source>
        <translation>ទំហំទំព័រ៖</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>ទទឹង៖</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>កម្ពស់៖</translation>
    </message>
    <message>
        <source>Paper source:</source>
        <translation>ប្រភពក្រដាស៖</translation>
    </message>
    <message>
        <source>Margins</source>
        <translation>គម្លាត</translation>
    </message>
    <message>
        <source>top margin</source>
        <translation>គម្លាតខាងលើ</translation>
    </message>
    <message>
        <source>bottom margin</source>
        <translation>គម្លាតខាងក្រោម</translation>
    </message>
    <message>
        <source>left margin</source>
        <translation>គម្លាតខាងឆ្វេង</translation>
    </message>
    <message>
        <source>right margin</source>
        <translation>គម្លាតខាងស្ដាំ</translation>
    </message>
    <message>
        <source>Page Layout</source>
        <translation>ប្លង់ទំព័រ</translation>
    </message>
    <message>
        <source>Page order:</source>
        <translation>លំដាប់ទំព័រ៖</translation>
    </message>
    <message>
        <source>Pages per sheet:</source>
        <translation>ទំព័រក្នុងមួយសន្លឹក៖</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>ផ្ទាល់ខ្លួន</translation>
    </message>
    <message>
        <source>Millimeters (mm)</source>
        <translation>មីលីម៉ែត្រ (mm)</translation>
    </message>
    <message>
        <source>Inches (in)</source>
        <translation>អ៊ីញ (in)</translation>
    </message>
    <message>
        <source>Points (pt)</source>
        <translation>ពិន្ទុ (pt)</translation>
    </message>
</context>
</TS>
