; Khmer messages for the SHSC Desktop installer (UTF-8 with BOM, Inno Setup 6.3+).
; Inno Setup ships no Khmer translation. This file translates the pages a commune clerk reads
; (welcome, install mode, folder, tasks, ready, installing, finished, uninstall); every message
; not listed here falls back to English from Default.isl (shsc-desktop.iss lists Default.isl
; first). Written for this project: to be reviewed by a native-speaking CCWC member with the
; app's own translations (i18n/shsc_km.ts).

[LangOptions]
LanguageName=ខ្មែរ
LanguageID=$0453
LanguageCodePage=0
DialogFontName=Leelawadee UI
WelcomeFontName=Leelawadee UI

[Messages]
SetupAppTitle=ការដំឡើង
SetupWindowTitle=ការដំឡើង - %1
UninstallAppTitle=ការលុបកម្មវិធី
UninstallAppFullTitle=ការលុបកម្មវិធី %1
ButtonBack=< &ថយក្រោយ
ButtonNext=&បន្ទាប់ >
ButtonInstall=&ដំឡើង
ButtonOK=យល់ព្រម
ButtonCancel=បោះបង់
ButtonYes=&បាទ/ចាស
ButtonNo=&ទេ
ButtonFinish=&បញ្ចប់
ButtonBrowse=&រក...
ExitSetupTitle=ចេញពីការដំឡើង
ExitSetupMessage=ការដំឡើងមិនទាន់ចប់ទេ។ ប្រសិនបើអ្នកចេញឥឡូវនេះ កម្មវិធីនឹងមិនត្រូវបានដំឡើងទេ។%n%nអ្នកអាចដំឡើងម្ដងទៀតនៅពេលក្រោយ។%n%nចេញពីការដំឡើងឬ?
WelcomeLabel1=សូមស្វាគមន៍មកកាន់ការដំឡើង [name]
WelcomeLabel2=ការដំឡើងនេះនឹងដំឡើង [name/ver] នៅលើកុំព្យូទ័ររបស់អ្នក។%n%nសូមបិទកម្មវិធីផ្សេងទៀតមុននឹងបន្ត។
PrivilegesRequiredOverrideTitle=ជ្រើសរបៀបដំឡើង
PrivilegesRequiredOverrideInstruction=ជ្រើសរបៀបដំឡើង
PrivilegesRequiredOverrideText1=%1 អាចដំឡើងសម្រាប់អ្នកប្រើទាំងអស់នៃកុំព្យូទ័រនេះ (ត្រូវការសិទ្ធិអ្នកគ្រប់គ្រង) ឬសម្រាប់តែអ្នកប៉ុណ្ណោះ។
PrivilegesRequiredOverrideText2=%1 អាចដំឡើងសម្រាប់តែអ្នកប៉ុណ្ណោះ ឬសម្រាប់អ្នកប្រើទាំងអស់ (ត្រូវការសិទ្ធិអ្នកគ្រប់គ្រង)។
PrivilegesRequiredOverrideAllUsers=ដំឡើងសម្រាប់&អ្នកប្រើទាំងអស់
PrivilegesRequiredOverrideAllUsersRecommended=ដំឡើងសម្រាប់&អ្នកប្រើទាំងអស់ (ណែនាំ៖ ការិយាល័យតែមួយសម្រាប់កុំព្យូទ័រនេះ)
PrivilegesRequiredOverrideCurrentUser=ដំឡើងសម្រាប់តែ&ខ្ញុំ
PrivilegesRequiredOverrideCurrentUserRecommended=ដំឡើងសម្រាប់តែ&ខ្ញុំ (ណែនាំ)
WizardSelectDir=ជ្រើសទីតាំងដំឡើង
SelectDirDesc=តើគួរដំឡើង [name] នៅទីណា?
SelectDirLabel3=កម្មវិធីនឹងដំឡើង [name] ទៅក្នុងថតខាងក្រោម។
SelectDirBrowseLabel=ដើម្បីបន្ត ចុច បន្ទាប់។ ប្រសិនបើចង់ជ្រើសថតផ្សេង ចុច រក។
WizardSelectTasks=ជ្រើសកិច្ចការបន្ថែម
SelectTasksDesc=តើគួរធ្វើកិច្ចការបន្ថែមណាខ្លះ?
SelectTasksLabel2=ជ្រើសកិច្ចការបន្ថែមដែលអ្នកចង់ឱ្យធ្វើ នៅពេលដំឡើង [name] រួចចុច បន្ទាប់។
WizardReady=រួចរាល់ដើម្បីដំឡើង
ReadyLabel1=ឥឡូវនេះ អាចចាប់ផ្ដើមដំឡើង [name] នៅលើកុំព្យូទ័ររបស់អ្នកបានហើយ។
ReadyLabel2a=ចុច ដំឡើង ដើម្បីបន្ត ឬចុច ថយក្រោយ ដើម្បីពិនិត្យ ឬប្ដូរការកំណត់។
ReadyLabel2b=ចុច ដំឡើង ដើម្បីបន្ត។
WizardInstalling=កំពុងដំឡើង
InstallingLabel=សូមរង់ចាំ ខណៈពេលកំពុងដំឡើង [name] នៅលើកុំព្យូទ័ររបស់អ្នក។
FinishedHeadingLabel=ការដំឡើង [name] បានបញ្ចប់
FinishedLabelNoIcons=[name] ត្រូវបានដំឡើងនៅលើកុំព្យូទ័ររបស់អ្នករួចហើយ។
FinishedLabel=[name] ត្រូវបានដំឡើងនៅលើកុំព្យូទ័ររបស់អ្នករួចហើយ។ អាចបើកកម្មវិធីពីរូបតំណាងដែលបានដំឡើង។
ClickFinish=ចុច បញ្ចប់ ដើម្បីចេញពីការដំឡើង។
ConfirmUninstall=តើអ្នកពិតជាចង់លុប %1 ចេញឬ? ទិន្នន័យការិយាល័យនឹងមិនត្រូវបានលុបទេ។
UninstalledAll=%1 ត្រូវបានលុបចេញពីកុំព្យូទ័ររបស់អ្នកដោយជោគជ័យ។
StatusUninstalling=កំពុងលុប %1...

[CustomMessages]
CreateDesktopIcon=បង្កើតរូបតំណាងនៅលើ&ផ្ទៃតុ
AdditionalIcons=រូបតំណាងបន្ថែម៖
LaunchProgram=បើក %1
DataKept=កម្មវិធីត្រូវបានលុបចេញហើយ។ ទិន្នន័យការិយាល័យ (កំណត់ត្រា កូនសោ និងច្បាប់បម្រុងទុក) នៅតែរក្សាទុកក្នុង %1។ សូមរក្សាវាទុករហូតដល់មានច្បាប់បម្រុងទុកដែលបានផ្ទៀងផ្ទាត់ត្រូវបានប្រគល់ឱ្យ។ លុបវាដោយដៃ តែនៅពេលការិយាល័យលែងត្រូវការវាទៀតប៉ុណ្ណោះ។
AddToPath=បន្ថែមបន្ទាត់បញ្ជា (shsc-desktop) ទៅក្នុង PATH
