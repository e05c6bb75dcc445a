<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="km" sourcelanguage="en">
<context>
    <name>AccountPage</name>
    <message>
        <source>The administrator&apos;s account</source>
        <translation>គណនីអ្នកគ្រប់គ្រង</translation>
    </message>
    <message>
        <source>This account (%1) manages the office&apos;s users and settings.</source>
        <translation>គណនីនេះ (%1) គ្រប់គ្រងអ្នកប្រើ និងការកំណត់របស់ការិយាល័យ។</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>ឈ្មោះអ្នកប្រើ៖</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>ឈ្មោះពេញ៖</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>ពាក្យសម្ងាត់៖</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>ពាក្យសម្ងាត់ម្ដងទៀត៖</translation>
    </message>
    <message>
        <source>The password protects the records of survivors: at least 8 characters, known only to you. If it is forgotten, only the recovery key on the next page can open the office.</source>
        <translation>ពាក្យសម្ងាត់ការពារកំណត់ត្រារបស់អ្នករួចផុតពីអំពើហិង្សា៖ យ៉ាងតិច ៨ តួអក្សរ ហើយមានតែអ្នកទេដែលដឹង។ ប្រសិនបើភ្លេច មានតែកូនសោសង្គ្រោះនៅទំព័របន្ទាប់ប៉ុណ្ណោះ ដែលអាចបើកការិយាល័យបាន។</translation>
    </message>
    <message>
        <source>Creating the encrypted office…</source>
        <translation>កំពុងបង្កើតការិយាល័យដែលបានអ៊ិនគ្រីប…</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>សូមបញ្ចូលឈ្មោះអ្នកប្រើ។</translation>
    </message>
    <message>
        <source>The user name can have at most 64 characters.</source>
        <translation>ឈ្មោះអ្នកប្រើអាចមានច្រើនបំផុត ៦៤ តួអក្សរ។</translation>
    </message>
</context>
<context>
    <name>ActionItemTableModel</name>
    <message>
        <source>Due</source>
        <translation>ថ្ងៃកំណត់</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>សកម្មភាព</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>អ្នកទទួលខុសត្រូវ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ស្ថានភាព</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>កិច្ចប្រជុំ</translation>
    </message>
</context>
<context>
    <name>ActionItemsTable</name>
    <message>
        <source>Action</source>
        <translation>សកម្មភាព</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>អ្នកទទួលខុសត្រូវ</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>ថ្ងៃកំណត់</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ស្ថានភាព</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add a user</source>
        <translation>បន្ថែមអ្នកប្រើ</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>ឈ្មោះអ្នកប្រើ៖</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>ឈ្មោះពេញ៖</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>តួនាទី៖</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>ពាក្យសម្ងាត់៖</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>ពាក្យសម្ងាត់ម្ដងទៀត៖</translation>
    </message>
    <message>
        <source>The new user must choose their own password when they first sign in.</source>
        <translation>អ្នកប្រើថ្មីត្រូវជ្រើសពាក្យសម្ងាត់ផ្ទាល់ខ្លួន នៅពេលចូលលើកដំបូង។</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>បន្ថែមអ្នកប្រើ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>សូមបញ្ចូលឈ្មោះអ្នកប្រើ។</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Administration</source>
        <translation>ការគ្រប់គ្រង</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>គណនី</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>ការបម្រុងទុក</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>កំណត់ហេតុសវនកម្ម</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>ការកំណត់</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2).</source>
        <translation>បានចូលជា %1 (%2)។</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>ប្ដូរពាក្យសម្ងាត់របស់ខ្ញុំ…</translation>
    </message>
    <message>
        <source>Users of this office</source>
        <translation>អ្នកប្រើនៃការិយាល័យនេះ</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>ឈ្មោះអ្នកប្រើ</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ឈ្មោះពេញ</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>តួនាទី</translation>
    </message>
    <message>
        <source>Identifying details</source>
        <translation>ព័ត៌មានសម្គាល់អត្តសញ្ញាណ</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>បន្ថែមអ្នកប្រើ…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>កំណត់ពាក្យសម្ងាត់ឡើងវិញ…</translation>
    </message>
    <message>
        <source>Remove user…</source>
        <translation>ដកអ្នកប្រើចេញ…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>ល.រ</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>ពេលវេលា</translation>
    </message>
    <message>
        <source>User</source>
        <translation>អ្នកប្រើ</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>សកម្មភាព</translation>
    </message>
    <message>
        <source>her cases</source>
        <translation>ករណីរបស់នាង</translation>
    </message>
    <message>
        <source>Make clerk</source>
        <translation>ប្ដូរជាស្មៀន</translation>
    </message>
    <message>
        <source>Make CCWC focal point</source>
        <translation>ប្ដូរជាបុគ្គលបង្គោល គ.ក.ន.ក</translation>
    </message>
    <message>
        <source>%1 is now a CCWC focal point: she sees the identifying details of the cases she handles.</source>
        <translation>ឥឡូវនេះ %1 ជាបុគ្គលបង្គោល គ.ក.ន.ក៖ នាងអាចមើលព័ត៌មានអត្តសញ្ញាណនៃករណីដែលនាងទទួលបន្ទុក។</translation>
    </message>
    <message>
        <source>%1 is now a clerk: she no longer opens identifying details.</source>
        <translation>ឥឡូវនេះ %1 ជាស្មៀន៖ នាងលែងអាចបើកមើលព័ត៌មានអត្តសញ្ញាណទៀតហើយ។</translation>
    </message>
    <message numerus="yes">
        <source>Survivors&apos; identifying details will be erased %n years after their case is closed, checked at each sign-in.</source>
        <translation>
            <numerusform>ព័ត៌មានអត្តសញ្ញាណរបស់ជនរងគ្រោះនឹងត្រូវលុប %n ឆ្នាំ បន្ទាប់ពីបិទករណី ដោយពិនិត្យរាល់ពេលចូល។</numerusform>
            <numerusform>ព័ត៌មានអត្តសញ្ញាណរបស់ជនរងគ្រោះនឹងត្រូវលុប %n ឆ្នាំ បន្ទាប់ពីបិទករណី ដោយពិនិត្យរាល់ពេលចូល។</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n នាទី</numerusform>
            <numerusform>%n នាទី</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n years</source>
        <translation>
            <numerusform>%n ឆ្នាំ</numerusform>
            <numerusform>%n ឆ្នាំ</numerusform>
        </translation>
    </message>
    <message>
        <source>may see</source>
        <translation>អាចមើលបាន</translation>
    </message>
    <message>
        <source>Withdraw identifying details</source>
        <translation>ដកសិទ្ធិមើលព័ត៌មានអត្តសញ្ញាណ</translation>
    </message>
    <message>
        <source>Allow identifying details</source>
        <translation>អនុញ្ញាតឱ្យមើលព័ត៌មានអត្តសញ្ញាណ</translation>
    </message>
    <message>
        <source>%1 may now see survivors&apos; identifying details.</source>
        <translation>ឥឡូវនេះ %1 អាចមើលព័ត៌មានអត្តសញ្ញាណរបស់ជនរងគ្រោះបាន។</translation>
    </message>
    <message>
        <source>%1 can no longer open survivors&apos; identifying details.</source>
        <translation>%1 លែងអាចបើកព័ត៌មានអត្តសញ្ញាណរបស់ជនរងគ្រោះបានទៀតហើយ។</translation>
    </message>
    <message>
        <source>The password of %1 has been reset.</source>
        <translation>ពាក្យសម្ងាត់របស់ %1 ត្រូវបានកំណត់ឡើងវិញហើយ។</translation>
    </message>
    <message>
        <source>Your password has been changed.</source>
        <translation>ពាក្យសម្ងាត់របស់អ្នកត្រូវបានប្ដូរហើយ។</translation>
    </message>
    <message>
        <source>Remove %1 from this office? They will no longer be able to sign in. The data key will be rotated, so any copy of the old key stops working. Close other SHSC Desktop windows first.</source>
        <translation>ដក %1 ចេញពីការិយាល័យនេះឬ? គាត់នឹងមិនអាចចូលបានទៀតទេ។ កូនសោទិន្នន័យនឹងត្រូវប្ដូរថ្មី ដូច្នេះច្បាប់ចម្លងណាមួយនៃកូនសោចាស់នឹងលែងប្រើបាន។ សូមបិទបង្អួច SHSC Desktop ផ្សេងទៀតជាមុនសិន។</translation>
    </message>
    <message>
        <source>Remove user</source>
        <translation>ដកអ្នកប្រើចេញ</translation>
    </message>
    <message>
        <source>%1 has been removed and the data key was rotated.</source>
        <translation>%1 ត្រូវបានដកចេញ ហើយកូនសោទិន្នន័យត្រូវបានប្ដូរថ្មី។</translation>
    </message>
    <message numerus="yes">
        <source>The audit log is intact: %n entries checked.</source>
        <translation>
            <numerusform>កំណត់ហេតុសវនកម្មនៅដដែល៖ បានពិនិត្យ %n ធាតុ។</numerusform>
            <numerusform>កំណត់ហេតុសវនកម្មនៅដដែល៖ បានពិនិត្យ %n ធាតុ។</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The office now locks after %n minutes without use.</source>
        <translation>
            <numerusform>ឥឡូវនេះ ការិយាល័យនឹងចាក់សោ បន្ទាប់ពីមិនប្រើរយៈពេល %n នាទី។</numerusform>
            <numerusform>ឥឡូវនេះ ការិយាល័យនឹងចាក់សោ បន្ទាប់ពីមិនប្រើរយៈពេល %n នាទី។</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttendanceGrid</name>
    <message>
        <source>Women</source>
        <translation>ស្ត្រី</translation>
    </message>
    <message>
        <source>Men</source>
        <translation>បុរស</translation>
    </message>
    <message>
        <source>Total: %1 (%2 women, %3 men)</source>
        <translation>សរុប៖ %1 (ស្ត្រី %2 បុរស %3)</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <source>Signed in</source>
        <translation>បានចូល</translation>
    </message>
    <message>
        <source>Failed sign-in</source>
        <translation>ការចូលមិនបានសម្រេច</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>បានចាក់សោ</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>បានដោះសោ</translation>
    </message>
    <message>
        <source>Unlocked with the recovery key</source>
        <translation>បានដោះសោដោយកូនសោសង្គ្រោះ</translation>
    </message>
    <message>
        <source>Office set up</source>
        <translation>បានរៀបចំការិយាល័យ</translation>
    </message>
    <message>
        <source>User added</source>
        <translation>បានបន្ថែមអ្នកប្រើ</translation>
    </message>
    <message>
        <source>User removed</source>
        <translation>បានដកអ្នកប្រើចេញ</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>បានប្ដូរតួនាទី</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>បានប្ដូរពាក្យសម្ងាត់</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>បានកំណត់ពាក្យសម្ងាត់ឡើងវិញ</translation>
    </message>
    <message>
        <source>Recovery key replaced</source>
        <translation>បានជំនួសកូនសោសង្គ្រោះ</translation>
    </message>
    <message>
        <source>Data key rotated</source>
        <translation>បានប្ដូរកូនសោទិន្នន័យថ្មី</translation>
    </message>
    <message>
        <source>Record created</source>
        <translation>បានបង្កើតកំណត់ត្រា</translation>
    </message>
    <message>
        <source>Record changed</source>
        <translation>បានកែកំណត់ត្រា</translation>
    </message>
    <message>
        <source>Record deleted</source>
        <translation>បានលុបកំណត់ត្រា</translation>
    </message>
    <message>
        <source>Identifying details viewed</source>
        <translation>បានមើលព័ត៌មានសម្គាល់អត្តសញ្ញាណ</translation>
    </message>
    <message>
        <source>Consent overridden</source>
        <translation>បានបដិសេធការយល់ព្រម</translation>
    </message>
    <message>
        <source>Month approved</source>
        <translation>បានអនុម័តខែ</translation>
    </message>
    <message>
        <source>Month reopened</source>
        <translation>បានបើកខែឡើងវិញ</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>បានប្ដូរការកំណត់</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>បានបម្រុងទុក</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>ការបម្រុងទុកមិនបានសម្រេច</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>បានស្ដារច្បាប់បម្រុងទុក</translation>
    </message>
    <message>
        <source>Database upgraded</source>
        <translation>បានធ្វើបច្ចុប្បន្នភាពមូលដ្ឋានទិន្នន័យ</translation>
    </message>
    <message>
        <source>Bundle exported</source>
        <translation>បាននាំចេញកញ្ចប់ទិន្នន័យ</translation>
    </message>
    <message>
        <source>Bundle imported</source>
        <translation>បាននាំចូលកញ្ចប់ទិន្នន័យ</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>បានបោះពុម្ព</translation>
    </message>
    <message>
        <source>Audit log verified</source>
        <translation>បានផ្ទៀងផ្ទាត់កំណត់ហេតុសវនកម្ម</translation>
    </message>
    <message>
        <source>Unencrypted emergency copy written with the recovery key</source>
        <translation>បានសរសេរច្បាប់ចម្លងបន្ទាន់ដែលមិនបានអ៊ិនគ្រីប ដោយប្រើកូនសោសង្គ្រោះ</translation>
    </message>
    <message>
        <source>Loss of recent audit entries accepted by the chief</source>
        <translation>ប្រធានបានទទួលយកការបាត់បង់ធាតុកំណត់ហេតុសវនកម្មថ្មីៗ</translation>
    </message>
    <message>
        <source>Bundle rejected</source>
        <translation>កញ្ចប់ត្រូវបានបដិសេធ</translation>
    </message>
    <message>
        <source>Certificate request written</source>
        <translation>បានសរសេរសំណើវិញ្ញាបនបត្រ</translation>
    </message>
    <message>
        <source>Certificate request answered</source>
        <translation>បានឆ្លើយតបសំណើវិញ្ញាបនបត្រ</translation>
    </message>
    <message>
        <source>Certificate package installed</source>
        <translation>បានដំឡើងកញ្ចប់វិញ្ញាបនបត្រ</translation>
    </message>
    <message>
        <source>Ministry root certificate created</source>
        <translation>បានបង្កើតវិញ្ញាបនបត្រឫសរបស់ក្រសួង</translation>
    </message>
    <message>
        <source>Certificate revoked</source>
        <translation>វិញ្ញាបនបត្រត្រូវបានដកហូត</translation>
    </message>
    <message>
        <source>Decryption key exported</source>
        <translation>បាននាំចេញសោឌិគ្រីប</translation>
    </message>
    <message>
        <source>Revocation list renewed</source>
        <translation>បានបន្តបញ្ជីដកហូត</translation>
    </message>
    <message>
        <source>Sign-in refused: role changed outside the app</source>
        <translation>បានបដិសេធការចូល៖ តួនាទីត្រូវបានផ្លាស់ប្ដូរនៅក្រៅកម្មវិធី</translation>
    </message>
    <message>
        <source>Role found changed outside the app</source>
        <translation>រកឃើញតួនាទីដែលបានផ្លាស់ប្ដូរនៅក្រៅកម្មវិធី</translation>
    </message>
    <message>
        <source>Account rights found not signed</source>
        <translation>រកឃើញសិទ្ធិគណនីដែលមិនបានចុះហត្ថលេខា</translation>
    </message>
    <message>
        <source>Access to identities changed</source>
        <translation>បានផ្លាស់ប្ដូរសិទ្ធិមើលព័ត៌មានអត្តសញ្ញាណ</translation>
    </message>
    <message>
        <source>Office keys created</source>
        <translation>បានបង្កើតកូនសោការិយាល័យ</translation>
    </message>
    <message>
        <source>Exchange keys moved under the office keys</source>
        <translation>កូនសោផ្លាស់ប្ដូរទិន្នន័យត្រូវបានផ្លាស់ទៅក្រោមកូនសោការិយាល័យ</translation>
    </message>
    <message>
        <source>Identifying details sealed</source>
        <translation>បានបិទភ្ជាប់ព័ត៌មានអត្តសញ្ញាណ</translation>
    </message>
    <message>
        <source>Upgrade backups with unsealed identifying details deleted</source>
        <translation>បានលុបឯកសារបម្រុងទុកមុនការធ្វើបច្ចុប្បន្នភាព ដែលមានព័ត៌មានសម្គាល់អត្តសញ្ញាណមិនទាន់បិទជិត</translation>
    </message>
    <message>
        <source>Identifying details erased</source>
        <translation>បានលុបព័ត៌មានអត្តសញ្ញាណ</translation>
    </message>
    <message>
        <source>Unsaved form kept as a draft</source>
        <translation>ទម្រង់មិនទាន់រក្សាទុក ត្រូវបានរក្សាជាសេចក្ដីព្រាង</translation>
    </message>
    <message>
        <source>Draft reopened</source>
        <translation>បានបើកសេចក្ដីព្រាងឡើងវិញ</translation>
    </message>
    <message>
        <source>Draft discarded</source>
        <translation>បានបោះបង់សេចក្ដីព្រាង</translation>
    </message>
    <message>
        <source>Draft expired</source>
        <translation>សេចក្ដីព្រាងផុតកំណត់</translation>
    </message>
    <message>
        <source>Month returned to a commune for correction</source>
        <translation>បានប្រគល់ខែត្រឡប់ទៅឃុំ/សង្កាត់វិញ ដើម្បីកែតម្រូវ</translation>
    </message>
    <message>
        <source>Return notice from the district imported</source>
        <translation>បាននាំចូលលិខិតប្រគល់ត្រឡប់ពីខណ្ឌ/ស្រុក</translation>
    </message>
</context>
<context>
    <name>AuditPart</name>
    <message>
        <source>Every change is recorded in the audit log. Each entry is linked to the one before, so any later alteration can be found.</source>
        <translation>រាល់ការផ្លាស់ប្ដូរត្រូវបានកត់ត្រាក្នុងកំណត់ហេតុសវនកម្ម។ ធាតុនីមួយៗភ្ជាប់ទៅនឹងធាតុមុន ដូច្នេះការកែប្រែណាមួយនៅពេលក្រោយអាចរកឃើញបាន។</translation>
    </message>
    <message>
        <source>Verify the audit log</source>
        <translation>ផ្ទៀងផ្ទាត់កំណត់ហេតុសវនកម្ម</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>កំពុងពិនិត្យ…</translation>
    </message>
    <message>
        <source>The audit log has been altered. The first bad entry is number %1.</source>
        <translation>កំណត់ហេតុសវនកម្មត្រូវបានកែប្រែ។ ធាតុខុសដំបូងគឺលេខ %1។</translation>
    </message>
</context>
<context>
    <name>BackupPart</name>
    <message>
        <source>A backup is an encrypted copy of all records. Save it on a USB stick and keep it in a safe place. It opens only with a password of this office.</source>
        <translation>ការបម្រុងទុក គឺជាច្បាប់ចម្លងដែលបានអ៊ិនគ្រីបនៃកំណត់ត្រាទាំងអស់។ សូមរក្សាទុកវាក្នុងឧបករណ៍ USB ហើយទុកនៅកន្លែងមានសុវត្ថិភាព។ វាបើកបានតែដោយពាក្យសម្ងាត់របស់ការិយាល័យនេះប៉ុណ្ណោះ។</translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation>បម្រុងទុកឥឡូវនេះ…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Restoring replaces the records on this computer with those in the backup. The office is locked first; the current files are kept in a folder, not deleted.</source>
        <translation>ការស្ដារ នឹងជំនួសកំណត់ត្រានៅលើកុំព្យូទ័រនេះ ដោយកំណត់ត្រាក្នុងច្បាប់បម្រុងទុក។ ការិយាល័យនឹងត្រូវចាក់សោជាមុនសិន ហើយឯកសារបច្ចុប្បន្នត្រូវបានរក្សាទុកក្នុងថតមួយ មិនត្រូវបានលុបទេ។</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>ស្ដារពីច្បាប់បម្រុងទុក…</translation>
    </message>
    <message>
        <source>Save the backup as</source>
        <translation>រក្សាទុកច្បាប់បម្រុងទុកជា</translation>
    </message>
    <message>
        <source>SHSC Desktop backups (*.shscbak)</source>
        <translation>ច្បាប់បម្រុងទុក SHSC Desktop (*.shscbak)</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>កំពុងបម្រុងទុក…</translation>
    </message>
    <message>
        <source>The backup was saved and checked: %1</source>
        <translation>ច្បាប់បម្រុងទុកត្រូវបានរក្សាទុក និងពិនិត្យរួចហើយ៖ %1</translation>
    </message>
    <message>
        <source>Choose the backup file</source>
        <translation>ជ្រើសឯកសារបម្រុងទុក</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>ឯកសារទាំងអស់ (*)</translation>
    </message>
</context>
<context>
    <name>BackupSignInDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>ស្ដារពីច្បាប់បម្រុងទុក</translation>
    </message>
    <message>
        <source>Restore %1. Sign in with a user name and password that were valid when the backup was made. The current files are kept in a folder next to the data, not deleted.</source>
        <translation>ស្ដារ %1។ សូមចូលដោយឈ្មោះអ្នកប្រើ និងពាក្យសម្ងាត់ដែលមានសុពលភាព នៅពេលធ្វើការបម្រុងទុក។ ឯកសារបច្ចុប្បន្នត្រូវបានរក្សាទុកក្នុងថតមួយក្បែរទិន្នន័យ មិនត្រូវបានលុបទេ។</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>ឈ្មោះអ្នកប្រើ៖</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>ពាក្យសម្ងាត់៖</translation>
    </message>
    <message>
        <source>An office is set up on this computer. Its chief must allow replacing its data: her user name and password, or the office&apos;s recovery key.</source>
        <translation>មានការិយាល័យមួយបានរៀបចំរួចនៅលើកុំព្យូទ័រនេះ។ ប្រធានរបស់វាត្រូវអនុញ្ញាតឱ្យជំនួសទិន្នន័យរបស់វា៖ ឈ្មោះអ្នកប្រើ និងពាក្យសម្ងាត់របស់គាត់ ឬកូនសោសង្គ្រោះរបស់ការិយាល័យ។</translation>
    </message>
    <message>
        <source>The recovery key</source>
        <translation>កូនសោសង្គ្រោះ</translation>
    </message>
    <message>
        <source>Chief here:</source>
        <translation>ប្រធាននៅទីនេះ៖</translation>
    </message>
    <message>
        <source>Her password, or the recovery key:</source>
        <translation>ពាក្យសម្ងាត់របស់គាត់ ឬកូនសោសង្គ្រោះ៖</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>ស្ដារ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Enter the user name and the password.</source>
        <translation>សូមបញ្ចូលឈ្មោះអ្នកប្រើ និងពាក្យសម្ងាត់។</translation>
    </message>
    <message>
        <source>Enter the password of the chief here, or the recovery key.</source>
        <translation>សូមបញ្ចូលពាក្យសម្ងាត់របស់ប្រធាននៅទីនេះ ឬកូនសោសង្គ្រោះ។</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>ប្ដូរពាក្យសម្ងាត់របស់ខ្ញុំ</translation>
    </message>
    <message>
        <source>Before you continue, choose a new password that only you know.</source>
        <translation>មុននឹងបន្ត សូមជ្រើសពាក្យសម្ងាត់ថ្មី ដែលមានតែអ្នកទេដែលដឹង។</translation>
    </message>
    <message>
        <source>Choose a new password that only you know.</source>
        <translation>សូមជ្រើសពាក្យសម្ងាត់ថ្មី ដែលមានតែអ្នកទេដែលដឹង។</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>ពាក្យសម្ងាត់បច្ចុប្បន្ន៖</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>ពាក្យសម្ងាត់ថ្មី៖</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>ពាក្យសម្ងាត់ថ្មីម្ដងទៀត៖</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>ប្ដូរពាក្យសម្ងាត់</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>ចាកចេញ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>The new password must be different from the current one.</source>
        <translation>ពាក្យសម្ងាត់ថ្មីត្រូវតែខុសពីពាក្យសម្ងាត់បច្ចុប្បន្ន។</translation>
    </message>
</context>
<context>
    <name>ChildConsentSection</name>
    <message>
        <source>Child protection in the directory: %1</source>
        <translation>សេវាការពារកុមារក្នុងបញ្ជីឈ្មោះ៖ %1</translation>
    </message>
    <message>
        <source>No child-protection provider in the directory yet: add the social affairs office (DoSVY).</source>
        <translation>មិនទាន់មានអ្នកផ្ដល់សេវាការពារកុមារក្នុងបញ្ជីឈ្មោះនៅឡើយ៖ សូមបន្ថែមមន្ទីរសង្គមកិច្ច។</translation>
    </message>
    <message>
        <source>Survivor under 18</source>
        <translation>ជនរងគ្រោះអាយុក្រោម ១៨ ឆ្នាំ</translation>
    </message>
    <message>
        <source>Her consent is given by:</source>
        <translation>ការយល់ព្រមរបស់នាងផ្ដល់ដោយ៖</translation>
    </message>
    <message>
        <source>Why not her guardian:</source>
        <translation>ហេតុអ្វីមិនមែនអាណាព្យាបាល៖</translation>
    </message>
    <message>
        <source>Decision taken by:</source>
        <translation>សេចក្ដីសម្រេចធ្វើដោយ៖</translation>
    </message>
    <message>
        <source>Referral to child protection:</source>
        <translation>ការបញ្ជូនទៅសេវាការពារកុមារ៖</translation>
    </message>
    <message>
        <source>For a survivor under 18: who gives the consent with her — her parent or guardian, a trusted adult who is not the offender, or a best-interests decision of the focal point or the chief.</source>
        <translation>សម្រាប់ជនរងគ្រោះអាយុក្រោម ១៨ ឆ្នាំ៖ អ្នកណាផ្ដល់ការយល់ព្រមជាមួយនាង — ឪពុកម្ដាយ ឬអាណាព្យាបាល មនុស្សពេញវ័យដែលគួរទុកចិត្ត និងមិនមែនជាជនល្មើស ឬសេចក្ដីសម្រេចដើម្បីឧត្តមប្រយោជន៍កុមារ ដោយអ្នកទទួលបន្ទុក ឬមេឃុំ។</translation>
    </message>
    <message>
        <source>Why her parent or guardian does not give the consent (needed for a trusted adult or a best-interests decision).</source>
        <translation>ហេតុអ្វីឪពុកម្ដាយ ឬអាណាព្យាបាលមិនផ្ដល់ការយល់ព្រម (ត្រូវការសម្រាប់មនុស្សពេញវ័យដែលគួរទុកចិត្ត ឬសេចក្ដីសម្រេចដើម្បីឧត្តមប្រយោជន៍កុមារ)។</translation>
    </message>
    <message>
        <source>Who took the best-interests decision: the commune focal point or the commune chief.</source>
        <translation>អ្នកដែលបានធ្វើសេចក្ដីសម្រេចដើម្បីឧត្តមប្រយោជន៍កុមារ៖ អ្នកទទួលបន្ទុកឃុំ ឬមេឃុំ។</translation>
    </message>
    <message>
        <source>Every child survivor is offered a referral to child protection (social affairs, DoSVY): record what was done.</source>
        <translation>ជនរងគ្រោះជាកុមារគ្រប់រូបត្រូវបានផ្ដល់ការបញ្ជូនទៅសេវាការពារកុមារ (មន្ទីរសង្គមកិច្ច)៖ សូមកត់ត្រាអ្វីដែលបានធ្វើ។</translation>
    </message>
</context>
<context>
    <name>ClassificationHelper</name>
    <message>
        <source>GBV type: answer the questions in order.</source>
        <translation>ប្រភេទអំពើហិង្សា៖ សូមឆ្លើយសំណួរតាមលំដាប់។</translation>
    </message>
    <message>
        <source>GBV type: %1</source>
        <translation>ប្រភេទអំពើហិង្សា៖ %1</translation>
    </message>
    <message>
        <source>Rape: non-consensual penetration, however slight, of the vagina, anus or mouth with a penis or other body part, or of the vagina or anus with an object. Includes gang rape, marital rape, sodomy and forced oral sex. Attempted rape is not rape.</source>
        <translation>ការរំលោភសេពសន្ថវៈ៖ ការជ្រៀតចូលដោយគ្មានការយល់ព្រម ទោះតិចតួចក្តី ទៅក្នុងទ្វារមាស រន្ធគូទ ឬមាត់ ដោយលិង្គ ឬផ្នែកផ្សេងនៃរាងកាយ ឬទៅក្នុងទ្វារមាស ឬរន្ធគូទ ដោយវត្ថុ។ រួមទាំងការរំលោភជាក្រុម ការរំលោភក្នុងចំណងអាពាហ៍ពិពាហ៍ ការរួមភេទតាមរន្ធគូទ និងការបង្ខំរួមភេទតាមមាត់។ ការប៉ុនប៉ងរំលោភមិនមែនជាការរំលោភសេពសន្ថវៈទេ។</translation>
    </message>
    <message>
        <source>Sexual assault: non-consensual sexual contact without penetration. Includes attempted rape, unwanted kissing or touching, and female genital mutilation/cutting.</source>
        <translation>ការរំលោភបំពានផ្លូវភេទ៖ ការប៉ះពាល់ផ្លូវភេទដោយគ្មានការយល់ព្រម ដោយគ្មានការជ្រៀតចូល។ រួមទាំងការប៉ុនប៉ងរំលោភ ការថើប ឬការប៉ះពាល់ដែលមិនចង់បាន និងការកាត់ប្រដាប់ភេទស្ត្រី។</translation>
    </message>
    <message>
        <source>Physical assault: physical violence that is not sexual, such as hitting, slapping, choking, cutting, shoving, burning, shooting, use of weapons and acid attacks.</source>
        <translation>ការវាយប្រហាររាងកាយ៖ អំពើហិង្សាលើរាងកាយដែលមិនមែនផ្លូវភេទ ដូចជា ការវាយ ការទះកំផ្លៀង ការច្របាច់ក ការកាប់ ការរុញ ការដុត ការបាញ់ ការប្រើអាវុធ និងការចាក់អាស៊ីត។</translation>
    </message>
    <message>
        <source>Forced marriage: marriage of a person against her will.</source>
        <translation>ការបង្ខំឱ្យរៀបការ៖ ការរៀបការរបស់បុគ្គលម្នាក់ ដោយប្រឆាំងនឹងឆន្ទៈរបស់នាង។</translation>
    </message>
    <message>
        <source>Denial of resources, opportunities or services: denial of rightful access to economic resources or assets, livelihood, education, health or other social services. Reports of general poverty are not recorded.</source>
        <translation>ការបដិសេធធនធាន ឱកាស ឬសេវា៖ ការរារាំងសិទ្ធិទទួលបានធនធានសេដ្ឋកិច្ច ឬទ្រព្យសម្បត្តិ មុខរបរ ការអប់រំ សុខភាព ឬសេវាសង្គមផ្សេងទៀត។ របាយការណ៍អំពីភាពក្រីក្រទូទៅ មិនត្រូវកត់ត្រាទេ។</translation>
    </message>
    <message>
        <source>Psychological or emotional abuse: threats of physical or sexual violence, forced isolation, harassment or intimidation, and menacing gestures or words.</source>
        <translation>ការរំលោភបំពានផ្លូវចិត្ត ឬអារម្មណ៍៖ ការគំរាមធ្វើហិង្សាលើរាងកាយ ឬផ្លូវភេទ ការបង្ខំឱ្យនៅឯកោ ការយាយី ឬការបំភិតបំភ័យ និងកាយវិការ ឬពាក្យសម្ដីគំរាមកំហែង។</translation>
    </message>
    <message>
        <source>Non-GBV: all six questions were answered no. The incident is recorded, but it is not counted as gender-based violence.</source>
        <translation>មិនមែនអំពើហិង្សាផ្អែកលើយេនឌ័រ៖ សំណួរទាំងប្រាំមួយត្រូវបានឆ្លើយថា ទេ។ ឧប្បត្តិហេតុត្រូវបានកត់ត្រា ប៉ុន្តែមិនរាប់ជាអំពើហិង្សាផ្អែកលើយេនឌ័រទេ។</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>បាទ/ចាស</translation>
    </message>
    <message>
        <source>No</source>
        <translation>ទេ</translation>
    </message>
</context>
<context>
    <name>CompletenessPanel</name>
    <message>
        <source>commune</source>
        <translation>ឃុំ/សង្កាត់</translation>
    </message>
    <message>
        <source>district</source>
        <translation>ខណ្ឌ/ស្រុក</translation>
    </message>
    <message>
        <source>Each %1 and month: on time, late, missing or nil report (a nil report is a complete report of a month without incidents). The last row is the reporting rate.</source>
        <translation>%1 នីមួយៗ និងខែនីមួយៗ៖ ទាន់ពេល យឺត ខ្វះ ឬរបាយការណ៍គ្មានករណី (របាយការណ៍គ្មានករណី គឺជារបាយការណ៍ពេញលេញនៃខែដែលគ្មានករណី)។ ជួរចុងក្រោយ គឺអត្រារាយការណ៍។</translation>
    </message>
    <message>
        <source>Months shown:</source>
        <translation>ចំនួនខែដែលបង្ហាញ៖</translation>
    </message>
    <message>
        <source>On time if received within this many days after the month:</source>
        <translation>ទាន់ពេល បើទទួលបានក្នុងចំនួនថ្ងៃនេះ ក្រោយចុងខែ៖</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>រក្សាទុក</translation>
    </message>
    <message>
        <source>Return for correction…</source>
        <translation>ប្រគល់ត្រឡប់ដើម្បីកែតម្រូវ…</translation>
    </message>
    <message>
        <source>Green: on time · yellow: late · red: missing or not enrolled · grey: nil report (on time or late) · white: before the office&apos;s first expected month · ⚠: dates to check. On time means sent by the office (its signed date, Phnom Penh time) within the deadline.</source>
        <translation>បៃតង៖ ទាន់ពេល · លឿង៖ យឺត · ក្រហម៖ ខ្វះ ឬមិនទាន់ចុះឈ្មោះ · ប្រផេះ៖ របាយការណ៍គ្មានករណី (ទាន់ពេល ឬយឺត) · ស៖ មុនខែដំបូងដែលការិយាល័យត្រូវរាយការណ៍ · ⚠៖ កាលបរិច្ឆេទត្រូវពិនិត្យ។ ទាន់ពេល មានន័យថាការិយាល័យបានផ្ញើ (តាមកាលបរិច្ឆេទដែលខ្លួនបានចុះហត្ថលេខា ម៉ោងភ្នំពេញ) ក្នុងកំណត់ពេល។</translation>
    </message>
    <message>
        <source>Nil report, late</source>
        <translation>របាយការណ៍គ្មានករណី យឺត</translation>
    </message>
    <message>
        <source>Nil report</source>
        <translation>របាយការណ៍គ្មានករណី</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>ទាន់ពេល</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>យឺត</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>ខ្វះ</translation>
    </message>
    <message>
        <source>Not enrolled</source>
        <translation>មិនទាន់ចុះឈ្មោះ</translation>
    </message>
    <message>
        <source>Not expected yet</source>
        <translation>មិនទាន់ត្រូវរាយការណ៍</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>ការិយាល័យ</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>បានប្រគល់ត្រឡប់</translation>
    </message>
    <message>
        <source>Returned for correction: %1</source>
        <translation>បានប្រគល់ត្រឡប់ដើម្បីកែតម្រូវ៖ %1</translation>
    </message>
    <message>
        <source>⚠ %1, %2: the sending date signed by the office cannot be right beside the date it arrived (%3). Check the clocks of both computers.</source>
        <translation>⚠ %1, %2៖ កាលបរិច្ឆេទផ្ញើដែលការិយាល័យបានចុះហត្ថលេខា មិនអាចត្រឹមត្រូវបានទេ បើធៀបនឹងកាលបរិច្ឆេទដែលបានមកដល់ (%3)។ សូមពិនិត្យនាឡិការបស់កុំព្យូទ័រទាំងពីរ។</translation>
    </message>
    <message>
        <source>⚠ %1, %2 (bundle no. %3): its audit log does not continue the log of the office&apos;s previous bundle. Entries may have been removed or rewritten at that office: ask its chief to check the audit log.</source>
        <translation>⚠ %1, %2 (កញ្ចប់លេខ %3)៖ កំណត់ហេតុសវនកម្មរបស់វាមិនបន្តពីកំណត់ហេតុនៃកញ្ចប់មុនរបស់ការិយាល័យនោះទេ។ ធាតុមួយចំនួនអាចត្រូវបានលុប ឬសរសេរឡើងវិញនៅការិយាល័យនោះ៖ សូមស្នើឱ្យប្រធានរបស់ខ្លួនពិនិត្យកំណត់ហេតុសវនកម្ម។</translation>
    </message>
    <message>
        <source>Return for correction</source>
        <translation>ប្រគល់ត្រឡប់ដើម្បីកែតម្រូវ</translation>
    </message>
    <message>
        <source>Return the report of %1 for %2 to the commune for correction. Say what should be corrected: the commune sees this reason. The notice is a signed file to carry to the commune.</source>
        <translation>ប្រគល់របាយការណ៍របស់ %1 សម្រាប់ %2 ត្រឡប់ទៅឃុំ/សង្កាត់វិញ ដើម្បីកែតម្រូវ។ សូមប្រាប់ថាត្រូវកែតម្រូវអ្វី៖ ឃុំ/សង្កាត់នឹងឃើញមូលហេតុនេះ។ លិខិតនេះជាឯកសារដែលមានហត្ថលេខា សម្រាប់យកទៅឃុំ/សង្កាត់។</translation>
    </message>
    <message>
        <source>Choose where to save the notice…</source>
        <translation>ជ្រើសកន្លែងរក្សាទុកលិខិត…</translation>
    </message>
    <message>
        <source>Folder for the return notice</source>
        <translation>ថតសម្រាប់លិខិតប្រគល់ត្រឡប់</translation>
    </message>
    <message>
        <source>The notice was saved as %1. Carry it to commune %2.</source>
        <translation>លិខិតត្រូវបានរក្សាទុកជា %1។ សូមយកវាទៅឃុំ/សង្កាត់ %2។</translation>
    </message>
    <message>
        <source>Reporting rate</source>
        <translation>អត្រារាយការណ៍</translation>
    </message>
    <message>
        <source>%1 of %2 (%3%), on time %4</source>
        <translation>%1 ក្នុងចំណោម %2 (%3%) ទាន់ពេល %4</translation>
    </message>
    <message>
        <source>Sent %1, received %2 (Phnom Penh time), revision %3</source>
        <translation>ផ្ញើ %1 ទទួល %2 (ម៉ោងភ្នំពេញ) កំណែទី %3</translation>
    </message>
    <message>
        <source>%1: no. %2</source>
        <translation>%1៖ លេខ %2</translation>
    </message>
    <message>
        <source>Bundles not received yet (ask the office for them): %1</source>
        <translation>កញ្ចប់ទិន្នន័យដែលមិនទាន់បានទទួល (សូមស្នើសុំពីការិយាល័យ)៖ %1</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <source>Directory entry</source>
        <translation>ព័ត៌មានក្នុងបញ្ជីទំនាក់ទំនង</translation>
    </message>
    <message>
        <source>Name in Khmer:</source>
        <translation>ឈ្មោះជាភាសាខ្មែរ៖</translation>
    </message>
    <message>
        <source>Name in English:</source>
        <translation>ឈ្មោះជាភាសាអង់គ្លេស៖</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>ប្រភេទ៖</translation>
    </message>
    <message>
        <source>Services offered:</source>
        <translation>សេវាដែលផ្ដល់៖</translation>
    </message>
    <message>
        <source>Contact person:</source>
        <translation>អ្នកទំនាក់ទំនង៖</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>តួនាទី៖</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>ទូរស័ព្ទ៖</translation>
    </message>
    <message>
        <source>Second phone:</source>
        <translation>ទូរស័ព្ទទីពីរ៖</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>អ៊ីមែល៖</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>អាសយដ្ឋាន៖</translation>
    </message>
    <message>
        <source>Opening hours:</source>
        <translation>ម៉ោងធ្វើការ៖</translation>
    </message>
    <message>
        <source>Area covered:</source>
        <translation>តំបន់គ្របដណ្ដប់៖</translation>
    </message>
    <message>
        <source>Last verified:</source>
        <translation>ផ្ទៀងផ្ទាត់ចុងក្រោយ៖</translation>
    </message>
    <message>
        <source>Active (offered in new referrals)</source>
        <translation>សកម្ម (បង្ហាញក្នុងការបញ្ជូនថ្មី)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>រក្សាទុក</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
</context>
<context>
    <name>ContactTableModel</name>
    <message>
        <source>Organisation</source>
        <translation>ស្ថាប័ន</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>ប្រភេទ</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>សេវា</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>អ្នកទំនាក់ទំនង</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>ទូរស័ព្ទ</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>តំបន់គ្របដណ្ដប់</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>បានផ្ទៀងផ្ទាត់</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>សកម្ម</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>បាទ/ចាស</translation>
    </message>
    <message>
        <source>No</source>
        <translation>ទេ</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <source>Referral network directory</source>
        <translation>បញ្ជីបណ្ដាញបញ្ជូនសេវា</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>សេវាទាំងអស់</translation>
    </message>
    <message>
        <source>Active only</source>
        <translation>តែសកម្ម</translation>
    </message>
    <message>
        <source>Search by name, person, address or phone</source>
        <translation>ស្វែងរកតាមឈ្មោះ អ្នកទំនាក់ទំនង អាសយដ្ឋាន ឬទូរស័ព្ទ</translation>
    </message>
    <message>
        <source>New entry…</source>
        <translation>បញ្ចូលថ្មី…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>បើក</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>លុប…</translation>
    </message>
    <message>
        <source>Import CSV/XLSX…</source>
        <translation>នាំចូល CSV/XLSX…</translation>
    </message>
    <message>
        <source>Export CSV/XLSX…</source>
        <translation>នាំចេញ CSV/XLSX…</translation>
    </message>
    <message>
        <source>Print directory…</source>
        <translation>បោះពុម្ពបញ្ជី…</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n ធាតុ</numerusform>
            <numerusform>%n ធាតុ</numerusform>
        </translation>
    </message>
    <message>
        <source>Directory as PDF…</source>
        <translation>បញ្ជីជា PDF…</translation>
    </message>
    <message>
        <source>Delete directory entry</source>
        <translation>លុបធាតុក្នុងបញ្ជីទំនាក់ទំនង</translation>
    </message>
    <message>
        <source>Delete %1 from the directory? An entry used by referrals can only be made inactive. Why is it being deleted? The reason is kept in the audit log.</source>
        <translation>លុប %1 ពីបញ្ជីទំនាក់ទំនង? ធាតុដែលប្រើក្នុងការបញ្ជូន អាចត្រឹមតែធ្វើឱ្យអសកម្មប៉ុណ្ណោះ។ ហេតុអ្វីបានជាលុបវា? មូលហេតុត្រូវបានរក្សាទុកក្នុងកំណត់ហេតុសវនកម្ម។</translation>
    </message>
    <message>
        <source>The directory was imported. New entries: %1; updated: %2.</source>
        <translation>បាននាំចូលបញ្ជីទំនាក់ទំនង។ ធាតុថ្មី៖ %1; បានធ្វើបច្ចុប្បន្នភាព៖ %2។</translation>
    </message>
    <message numerus="yes">
        <source>%n entries were written to %1.</source>
        <translation>
            <numerusform>បានសរសេរ %n ធាតុទៅក្នុង %1។</numerusform>
            <numerusform>បានសរសេរ %n ធាតុទៅក្នុង %1។</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n pages to the printer.</source>
        <translation>
            <numerusform>បានផ្ញើ %n ទំព័រទៅម៉ាស៊ីនបោះពុម្ព។</numerusform>
            <numerusform>បានផ្ញើ %n ទំព័រទៅម៉ាស៊ីនបោះពុម្ព។</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The directory (%n organisations) was written to %1.</source>
        <translation>
            <numerusform>បញ្ជី (អង្គភាពចំនួន %n) ត្រូវបានសរសេរទៅ %1។</numerusform>
            <numerusform>បញ្ជី (អង្គភាពចំនួន %n) ត្រូវបានសរសេរទៅ %1។</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>លុប</translation>
    </message>
    <message>
        <source>Import a directory file</source>
        <translation>នាំចូលឯកសារបញ្ជីទំនាក់ទំនង</translation>
    </message>
    <message>
        <source>Directory files (*.csv *.xlsx)</source>
        <translation>ឯកសារបញ្ជីទំនាក់ទំនង (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Export the directory</source>
        <translation>នាំចេញបញ្ជីទំនាក់ទំនង</translation>
    </message>
    <message>
        <source>Spreadsheet (*.xlsx)</source>
        <translation>តារាងបញ្ជី (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV UTF-8 (*.csv)</source>
        <translation>CSV UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Print the directory</source>
        <translation>បោះពុម្ពបញ្ជី</translation>
    </message>
    <message>
        <source>Save the printable directory as PDF</source>
        <translation>រក្សាទុកបញ្ជីសម្រាប់បោះពុម្ពជា PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>ឯកសារ PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>SHSC Desktop – unexpected error</source>
        <translation>SHSC Desktop – កំហុសមិនបានរំពឹងទុក</translation>
    </message>
    <message>
        <source>Something went wrong inside the program. Your saved records are safe. Please copy this report and send it to the person who supports SHSC Desktop, with a note of what you were doing.</source>
        <translation>មានបញ្ហាមួយកើតឡើងនៅក្នុងកម្មវិធី។ កំណត់ត្រាដែលបានរក្សាទុករបស់អ្នកនៅមានសុវត្ថិភាព។ សូមចម្លងរបាយការណ៍នេះ ហើយផ្ញើទៅអ្នកគាំទ្រ SHSC Desktop ជាមួយកំណត់សម្គាល់អំពីអ្វីដែលអ្នកកំពុងធ្វើ។</translation>
    </message>
    <message>
        <source>The program&apos;s log (no record data) is in this folder: %1</source>
        <translation>កំណត់ហេតុរបស់កម្មវិធី (គ្មានទិន្នន័យកំណត់ត្រា) ស្ថិតនៅក្នុងថតនេះ៖ %1</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>ចម្លងរបាយការណ៍</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>បិទ</translation>
    </message>
</context>
<context>
    <name>DataNotices</name>
    <message>
        <source>The office has been moved to %1, the folder every Windows account of this PC uses. The old folder was kept as %2.</source>
        <translation>ការិយាល័យត្រូវបានផ្លាស់ទៅ %1 ដែលជាថតដែលគណនី Windows ទាំងអស់នៃកុំព្យូទ័រនេះប្រើ។ ថតចាស់ត្រូវបានរក្សាទុកជា %2។</translation>
    </message>
    <message>
        <source>This PC&apos;s office is in %1. An older office of your Windows account was found in %2; it was not moved and is not used. Tell the chief before deleting it.</source>
        <translation>ការិយាល័យរបស់កុំព្យូទ័រនេះនៅក្នុង %1។ ការិយាល័យចាស់មួយរបស់គណនី Windows របស់អ្នកត្រូវបានរកឃើញនៅក្នុង %2។ វាមិនត្រូវបានផ្លាស់ទី ហើយមិនត្រូវបានប្រើទេ។ សូមប្រាប់មេឃុំ/ចៅសង្កាត់ មុននឹងលុបវា។</translation>
    </message>
    <message>
        <source>The Windows account %1 already has an office on this PC, in its own folder %2. Sign in to Windows as %1 and start SHSC Desktop once: the office then moves to %3 for every account. Do not set up a second office: the records would be split in two.</source>
        <translation>គណនី Windows %1 មានការិយាល័យមួយរួចហើយនៅលើកុំព្យូទ័រនេះ ក្នុងថតផ្ទាល់ខ្លួនរបស់វា %2។ សូមចូល Windows ជា %1 ហើយបើក SHSC Desktop ម្ដង៖ ពេលនោះការិយាល័យនឹងផ្លាស់ទៅ %3 សម្រាប់គណនីទាំងអស់។ កុំរៀបចំការិយាល័យទីពីរ៖ កំណត់ត្រានឹងត្រូវបែកជាពីរ។</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>YYYY</source>
        <translation>ឆ្នាំ</translation>
    </message>
    <message>
        <source>MM</source>
        <translation>ខែ</translation>
    </message>
    <message>
        <source>DD</source>
        <translation>ថ្ងៃ</translation>
    </message>
    <message>
        <source>Calendar (F4)</source>
        <translation>ប្រតិទិន (F4)</translation>
    </message>
    <message>
        <source>Year, month, day</source>
        <translation>ឆ្នាំ ខែ ថ្ងៃ</translation>
    </message>
</context>
<context>
    <name>DeskHomePage</name>
    <message>
        <source>Home</source>
        <translation>ទំព័រដើម</translation>
    </message>
    <message>
        <source>%1, %2 (code %3)</source>
        <translation>%1, %2 (លេខកូដ %3)</translation>
    </message>
    <message>
        <source>Last imports</source>
        <translation>ការនាំចូលចុងក្រោយ</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>ការងារត្រូវធ្វើ</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>ការិយាល័យ</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>ខែ</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>កំណែ</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>លេខរៀង</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>បាននាំចូល</translation>
    </message>
    <message>
        <source>Import the bundles in Exchange → Import; who has reported, month by month, is in Exchange → Completeness. Lock the office with Ctrl+L when you leave the computer.</source>
        <translation>នាំចូលកញ្ចប់ទិន្នន័យនៅ ការផ្លាស់ប្ដូរទិន្នន័យ → នាំចូល។ អ្នកដែលបានរាយការណ៍ ប្រចាំខែ មាននៅ ការផ្លាស់ប្ដូរទិន្នន័យ → ភាពពេញលេញ។ ចាក់សោការិយាល័យដោយ Ctrl+L ពេលអ្នកចាកចេញពីកុំព្យូទ័រ។</translation>
    </message>
    <message>
        <source>Reports for %1</source>
        <translation>របាយការណ៍សម្រាប់ %1</translation>
    </message>
    <message>
        <source>communes</source>
        <translation>ឃុំ/សង្កាត់</translation>
    </message>
    <message>
        <source>districts</source>
        <translation>ខណ្ឌ/ស្រុក</translation>
    </message>
    <message>
        <source>received of those expected (%1)</source>
        <translation>បានទទួល ក្នុងចំណោមដែលរំពឹងទុក (%1)</translation>
    </message>
    <message>
        <source>late</source>
        <translation>យឺត</translation>
    </message>
    <message>
        <source>nil reports (no incidents)</source>
        <translation>របាយការណ៍គ្មានករណី (គ្មានហេតុការណ៍)</translation>
    </message>
    <message>
        <source>returned for correction (no corrected report yet)</source>
        <translation>បានប្រគល់ត្រឡប់ដើម្បីកែតម្រូវ (មិនទាន់មានរបាយការណ៍កែតម្រូវ)</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>ខ្វះ</translation>
    </message>
    <message>
        <source>not enrolled (cannot send yet)</source>
        <translation>មិនទាន់ចុះឈ្មោះ (មិនទាន់អាចផ្ញើបាន)</translation>
    </message>
    <message>
        <source>Next deadline: %1 (reports for %2).</source>
        <translation>ថ្ងៃផុតកំណត់បន្ទាប់៖ %1 (របាយការណ៍សម្រាប់ %2)។</translation>
    </message>
    <message>
        <source>This office has no certificate yet (Exchange).</source>
        <translation>ការិយាល័យនេះមិនទាន់មានវិញ្ញាបនបត្រនៅឡើយទេ (ការផ្លាស់ប្ដូរទិន្នន័យ)។</translation>
    </message>
    <message>
        <source>⚠ This office&apos;s certificate ends on %1: ask for a new one now.</source>
        <translation>⚠ វិញ្ញាបនបត្ររបស់ការិយាល័យនេះផុតកំណត់នៅ %1៖ សូមស្នើសុំវិញ្ញាបនបត្រថ្មីឥឡូវនេះ។</translation>
    </message>
    <message>
        <source>This office&apos;s certificate is valid until %1.</source>
        <translation>វិញ្ញាបនបត្ររបស់ការិយាល័យនេះមានសុពលភាពរហូតដល់ %1។</translation>
    </message>
    <message>
        <source>⚠ The revocation list this office signs runs out on %1: send a bundle or enrol an office to renew it.</source>
        <translation>⚠ បញ្ជីដកហូតដែលការិយាល័យនេះចុះហត្ថលេខា នឹងផុតកំណត់នៅថ្ងៃ %1៖ សូមផ្ញើកញ្ចប់ទិន្នន័យ ឬចុះបញ្ជីការិយាល័យមួយ ដើម្បីបន្តវា។</translation>
    </message>
    <message>
        <source>The revocation list this office signs is valid until %1.</source>
        <translation>បញ្ជីដកហូតដែលការិយាល័យនេះចុះហត្ថលេខា មានសុពលភាពរហូតដល់ %1។</translation>
    </message>
    <message>
        <source>Approved, not yet sent to the ministry: %1</source>
        <translation>បានអនុម័ត ប៉ុន្តែមិនទាន់ផ្ញើទៅក្រសួង៖ %1</translation>
    </message>
    <message>
        <source>Every approved month has been sent to the ministry.</source>
        <translation>ខែដែលបានអនុម័តទាំងអស់ត្រូវបានផ្ញើទៅក្រសួងហើយ។</translation>
    </message>
    <message>
        <source>Nothing imported yet.</source>
        <translation>មិនទាន់មានការនាំចូលនៅឡើយទេ។</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>The password must have at least %1 characters.</source>
        <translation>ពាក្យសម្ងាត់ត្រូវមានយ៉ាងតិច %1 តួអក្សរ។</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>ពាក្យសម្ងាត់ទាំងពីរមិនដូចគ្នាទេ។</translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message>
        <source>When the office locked at %1, a form you had not saved was kept for you. Open it again?</source>
        <translation>នៅពេលការិយាល័យចាក់សោនៅម៉ោង %1 ទម្រង់មួយដែលអ្នកមិនទាន់បានរក្សាទុក ត្រូវបានរក្សាទុកសម្រាប់អ្នក។ បើកវាម្ដងទៀតឬ?</translation>
    </message>
    <message>
        <source>Open the form</source>
        <translation>បើកទម្រង់</translation>
    </message>
    <message>
        <source>This draft was kept by an older version of the form. Its typed values could not be put back into the right fields safely, so they were left out: please enter them again.</source>
        <translation>សេចក្ដីព្រាងនេះត្រូវបានរក្សាទុកដោយកំណែចាស់នៃទម្រង់។ តម្លៃដែលបានវាយមិនអាចដាក់ត្រឡប់ទៅក្នុងវាលត្រឹមត្រូវដោយសុវត្ថិភាពបានទេ ដូច្នេះវាត្រូវបានទុកចោល៖ សូមបញ្ចូលវាម្ដងទៀត។</translation>
    </message>
</context>
<context>
    <name>EnrolPanel</name>
    <message>
        <source>commune</source>
        <translation>ឃុំ/សង្កាត់</translation>
    </message>
    <message>
        <source>district</source>
        <translation>ខណ្ឌ/ស្រុក</translation>
    </message>
    <message>
        <source>A %1 sends its certificate request file. Open it, compare its fingerprint with the one the %1 reads to you by phone, and save the certificate package for it.</source>
        <translation>%1 ផ្ញើឯកសារសំណើវិញ្ញាបនបត្ររបស់ខ្លួន។ សូមបើកវា ប្រៀបធៀបស្នាមម្រាមដៃរបស់វា ជាមួយស្នាមម្រាមដៃដែល%1អានឱ្យអ្នកស្ដាប់តាមទូរស័ព្ទ ហើយរក្សាទុកកញ្ចប់វិញ្ញាបនបត្រសម្រាប់វា។</translation>
    </message>
    <message>
        <source>Answer a certificate request…</source>
        <translation>ឆ្លើយតបសំណើវិញ្ញាបនបត្រ…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>ដកហូត…</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>លេខកូដ</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>ការិយាល័យ</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>បានចុះឈ្មោះ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ស្ថានភាព</translation>
    </message>
    <message>
        <source>Office keys</source>
        <translation>កូនសោការិយាល័យ</translation>
    </message>
    <message>
        <source>Ministry root certificate fingerprint:</source>
        <translation>ស្នាមម្រាមដៃនៃវិញ្ញាបនបត្រឫសរបស់ក្រសួង៖</translation>
    </message>
    <message>
        <source>Revoked: %1</source>
        <translation>បានដកហូត៖ %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>សកម្ម</translation>
    </message>
    <message>
        <source>not yet bound</source>
        <translation>មិនទាន់ភ្ជាប់</translation>
    </message>
    <message>
        <source>Office keys of %1: %2</source>
        <translation>កូនសោការិយាល័យរបស់ %1៖ %2</translation>
    </message>
    <message>
        <source>Office keys of %1: not yet bound (enrolled before office keys; its first bundle that carries them binds them)</source>
        <translation>កូនសោការិយាល័យរបស់ %1៖ មិនទាន់ភ្ជាប់ (បានចុះឈ្មោះមុនពេលមានកូនសោការិយាល័យ កញ្ចប់ទិន្នន័យដំបូងរបស់វាដែលផ្ទុកកូនសោទាំងនោះនឹងភ្ជាប់វា)</translation>
    </message>
    <message>
        <source>Open the certificate request</source>
        <translation>បើកសំណើវិញ្ញាបនបត្រ</translation>
    </message>
    <message>
        <source>Certificate requests (*.shscreq)</source>
        <translation>សំណើវិញ្ញាបនបត្រ (*.shscreq)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>ឯកសារទាំងអស់ (*)</translation>
    </message>
    <message>
        <source>Certificate request from %1 %2 (code %3).</source>
        <translation>សំណើវិញ្ញាបនបត្រពី%1 %2 (លេខកូដ %3)។</translation>
    </message>
    <message>
        <source>Fingerprint of the request:</source>
        <translation>ស្នាមម្រាមដៃនៃសំណើ៖</translation>
    </message>
    <message>
        <source>Ask the office to read its fingerprint to you by phone. Continue only if it is the same.</source>
        <translation>សូមឱ្យការិយាល័យនោះអានស្នាមម្រាមដៃរបស់ខ្លួនឱ្យអ្នកស្ដាប់តាមទូរស័ព្ទ។ បន្តតែក្នុងករណីដែលវាដូចគ្នាប៉ុណ្ណោះ។</translation>
    </message>
    <message>
        <source>It is the same: create the package</source>
        <translation>ដូចគ្នា៖ បង្កើតកញ្ចប់</translation>
    </message>
    <message>
        <source>Save the certificate package</source>
        <translation>រក្សាទុកកញ្ចប់វិញ្ញាបនបត្រ</translation>
    </message>
    <message>
        <source>Certificate packages (*.shscpkg)</source>
        <translation>កញ្ចប់វិញ្ញាបនបត្រ (*.shscpkg)</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>ការចុះហត្ថលេខា</translation>
    </message>
    <message>
        <source>District CA</source>
        <translation>អាជ្ញាធរវិញ្ញាបនបត្រខណ្ឌ</translation>
    </message>
    <message>
        <source>Encryption (receiving)</source>
        <translation>ការអ៊ិនគ្រីប (ការទទួល)</translation>
    </message>
    <message>
        <source>Package for %1 saved as %2. Read these fingerprints to the office:</source>
        <translation>កញ្ចប់សម្រាប់ %1 ត្រូវបានរក្សាទុកជា %2។ សូមអានស្នាមម្រាមដៃទាំងនេះឱ្យការិយាល័យនោះស្ដាប់៖</translation>
    </message>
    <message>
        <source>Revoke %1</source>
        <translation>ដកហូត %1</translation>
    </message>
    <message>
        <source>Revoking is final: bundles signed by %1 will be refused from now on, and the office must enrol again with a new request. Why is it revoked (for example: computer stolen)?</source>
        <translation>ការដកហូតគឺជាការសម្រេចចុងក្រោយ៖ ចាប់ពីពេលនេះ កញ្ចប់ទិន្នន័យដែលចុះហត្ថលេខាដោយ %1 នឹងត្រូវបដិសេធ ហើយការិយាល័យនោះត្រូវចុះឈ្មោះម្ដងទៀតដោយសំណើថ្មី។ ហេតុអ្វីបានជាដកហូត (ឧទាហរណ៍៖ កុំព្យូទ័រត្រូវបានលួច)?</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>ដកហូត</translation>
    </message>
    <message>
        <source>Revoke the certificates of %1? This cannot be undone.</source>
        <translation>ដកហូតវិញ្ញាបនបត្ររបស់ %1? មិនអាចត្រឡប់វិញបានទេ។</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <source>%1 returned by district %2: %3</source>
        <translation>%1 ត្រូវបានប្រគល់ត្រឡប់ដោយខណ្ឌ/ស្រុក %2៖ %3</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <source>Import</source>
        <translation>នាំចូល</translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation>ភាពពេញលេញ</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>ចំនួនសរុប</translation>
    </message>
    <message>
        <source>Enrolment</source>
        <translation>ការចុះឈ្មោះ</translation>
    </message>
    <message>
        <source>To the ministry</source>
        <translation>ទៅក្រសួង</translation>
    </message>
</context>
<context>
    <name>FollowUpTableModel</name>
    <message>
        <source>Due</source>
        <translation>ថ្ងៃកំណត់</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>ចំនួនថ្ងៃហួសកំណត់</translation>
    </message>
    <message>
        <source>Follow-up of</source>
        <translation>តាមដាន</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>ឧប្បត្តិហេតុ</translation>
    </message>
    <message>
        <source>Survivor</source>
        <translation>ជនរងគ្រោះ</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>សេវា</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>អ្នកផ្ដល់សេវា</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>ការបញ្ជូន</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
</context>
<context>
    <name>IdentifyingSection</name>
    <message>
        <source>Identifying details (name, phone, address, narrative)</source>
        <translation>ព័ត៌មានសម្គាល់អត្តសញ្ញាណ (ឈ្មោះ ទូរស័ព្ទ អាសយដ្ឋាន ការរៀបរាប់)</translation>
    </message>
    <message>
        <source>Opening this section is recorded in the audit log. Close it when someone is watching.</source>
        <translation>ការបើកផ្នែកនេះត្រូវបានកត់ត្រាក្នុងកំណត់ហេតុសវនកម្ម។ សូមបិទវា ពេលមាននរណាម្នាក់កំពុងមើល។</translation>
    </message>
    <message>
        <source>Identifying details</source>
        <translation>ព័ត៌មានសម្គាល់អត្តសញ្ញាណ</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>ឈ្មោះ៖</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>ទូរស័ព្ទ៖</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>អាសយដ្ឋាន៖</translation>
    </message>
    <message>
        <source>Date of birth:</source>
        <translation>ថ្ងៃខែឆ្នាំកំណើត៖</translation>
    </message>
    <message>
        <source>What happened (her words):</source>
        <translation>អ្វីដែលបានកើតឡើង (តាមសម្ដីនាង)៖</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>កំពុងផ្ទុក…</translation>
    </message>
    <message>
        <source>This view has been recorded in the audit log.</source>
        <translation>ការមើលនេះត្រូវបានកត់ត្រាក្នុងកំណត់ហេតុសវនកម្ម។</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <source>Choose the bundle files (.shsc) from the USB stick or e-mail. First you see what would happen to each file (a dry run: nothing is changed); then confirm to import.</source>
        <translation>ជ្រើសឯកសារកញ្ចប់ទិន្នន័យ (.shsc) ពី USB ឬអ៊ីមែល។ ដំបូងអ្នកនឹងឃើញអ្វីដែលនឹងកើតឡើងចំពោះឯកសារនីមួយៗ (ការសាកល្បង៖ គ្មានអ្វីត្រូវបានផ្លាស់ប្ដូរទេ) បន្ទាប់មកបញ្ជាក់ដើម្បីនាំចូល។</translation>
    </message>
    <message>
        <source>Import bundles…</source>
        <translation>នាំចូលកញ្ចប់ទិន្នន័យ…</translation>
    </message>
    <message>
        <source>Confirm import</source>
        <translation>បញ្ជាក់ការនាំចូល</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Stop after this file</source>
        <translation>បញ្ឈប់ក្រោយឯកសារនេះ</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ឯកសារ</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>លទ្ធផល</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>ការិយាល័យ</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>ខែ</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>កំណែ</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>ព័ត៌មានលម្អិត</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>បាននាំចូល</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>បានធ្វើបច្ចុប្បន្នភាព</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier bundle(s) from this office are missing</source>
        <translation>
            <numerusform>កញ្ចប់ទិន្នន័យមុនៗចំនួន %n ពីការិយាល័យនេះនៅខ្វះ</numerusform>
            <numerusform>កញ្ចប់ទិន្នន័យមុនៗចំនួន %n ពីការិយាល័យនេះនៅខ្វះ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s): %1 will be imported, %2 will update, %3 already imported, %4 rejected</source>
        <translation>
            <numerusform>ឯកសារ %n៖ នឹងត្រូវនាំចូល %1 នឹងធ្វើបច្ចុប្បន្នភាព %2 បាននាំចូលរួចហើយ %3 បានបដិសេធ %4</numerusform>
            <numerusform>ឯកសារ %n៖ នឹងត្រូវនាំចូល %1 នឹងធ្វើបច្ចុប្បន្នភាព %2 បាននាំចូលរួចហើយ %3 បានបដិសេធ %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s): %1 imported, %2 updated, %3 already imported, %4 rejected</source>
        <translation>
            <numerusform>ឯកសារ %n៖ បាននាំចូល %1 បានធ្វើបច្ចុប្បន្នភាព %2 បាននាំចូលរួចហើយ %3 បានបដិសេធ %4</numerusform>
            <numerusform>ឯកសារ %n៖ បាននាំចូល %1 បានធ្វើបច្ចុប្បន្នភាព %2 បាននាំចូលរួចហើយ %3 បានបដិសេធ %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped: %n file(s) were not imported.</source>
        <translation>
            <numerusform>បានបញ្ឈប់៖ ឯកសារ %n មិនត្រូវបាននាំចូលទេ។</numerusform>
            <numerusform>បានបញ្ឈប់៖ ឯកសារ %n មិនត្រូវបាននាំចូលទេ។</numerusform>
        </translation>
    </message>
    <message>
        <source>Already imported</source>
        <translation>បាននាំចូលរួចហើយ</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>បានបដិសេធ</translation>
    </message>
    <message>
        <source>Nil report</source>
        <translation>របាយការណ៍គ្មានករណី</translation>
    </message>
    <message>
        <source>Replaces the earlier revision</source>
        <translation>ជំនួសកំណែមុន</translation>
    </message>
    <message>
        <source>Dry run: what would happen (nothing has been changed yet)</source>
        <translation>ការសាកល្បង៖ អ្វីដែលនឹងកើតឡើង (មិនទាន់មានអ្វីត្រូវបានផ្លាស់ប្ដូរទេ)</translation>
    </message>
    <message>
        <source>Import done</source>
        <translation>ការនាំចូលបានបញ្ចប់</translation>
    </message>
    <message>
        <source>Choose the bundle files</source>
        <translation>ជ្រើសឯកសារកញ្ចប់ទិន្នន័យ</translation>
    </message>
    <message>
        <source>SHSC bundles (*.shsc)</source>
        <translation>កញ្ចប់ទិន្នន័យ SHSC (*.shsc)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>ឯកសារទាំងអស់ (*)</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>លេខរៀង</translation>
    </message>
    <message>
        <source>Will be imported</source>
        <translation>នឹងត្រូវនាំចូល</translation>
    </message>
    <message>
        <source>Will update</source>
        <translation>នឹងធ្វើបច្ចុប្បន្នភាព</translation>
    </message>
    <message>
        <source>Office: %1</source>
        <translation>ការិយាល័យ៖ %1</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <source>Directory import</source>
        <translation>ការនាំចូលបញ្ជីទំនាក់ទំនង</translation>
    </message>
    <message>
        <source>Nothing was imported. Correct these lines in the file and try again:</source>
        <translation>មិនបាននាំចូលអ្វីទេ។ សូមកែតម្រូវបន្ទាត់ទាំងនេះក្នុងឯកសារ ហើយសាកល្បងម្ដងទៀត៖</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>បន្ទាត់ %1៖ %2</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>បិទ</translation>
    </message>
</context>
<context>
    <name>IncidentForm</name>
    <message>
        <source>Incident</source>
        <translation>ឧប្បត្តិហេតុ</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>របាយការណ៍</translation>
    </message>
    <message>
        <source>Incident code:</source>
        <translation>លេខកូដឧប្បត្តិហេតុ៖</translation>
    </message>
    <message>
        <source>Survivor code:</source>
        <translation>លេខកូដជនរងគ្រោះ៖</translation>
    </message>
    <message>
        <source>Date reported:</source>
        <translation>ថ្ងៃរាយការណ៍៖</translation>
    </message>
    <message>
        <source>Date of incident:</source>
        <translation>ថ្ងៃកើតហេតុ៖</translation>
    </message>
    <message>
        <source>Reported by:</source>
        <translation>រាយការណ៍ដោយ៖</translation>
    </message>
    <message>
        <source>The commune is the first point of contact:</source>
        <translation>ឃុំ/សង្កាត់ជាកន្លែងទំនាក់ទំនងដំបូង៖</translation>
    </message>
    <message>
        <source>Village:</source>
        <translation>ភូមិ៖</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>ទីកន្លែង៖</translation>
    </message>
    <message>
        <source>Time of day:</source>
        <translation>ពេលវេលា៖</translation>
    </message>
    <message>
        <source>Reported elsewhere before:</source>
        <translation>ធ្លាប់រាយការណ៍នៅកន្លែងផ្សេង៖</translation>
    </message>
    <message>
        <source>(given when saved)</source>
        <translation>(ផ្ដល់ឱ្យនៅពេលរក្សាទុក)</translation>
    </message>
    <message>
        <source>Survivor</source>
        <translation>ជនរងគ្រោះ</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>ភេទ៖</translation>
    </message>
    <message>
        <source>Age:</source>
        <translation>អាយុ៖</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>មិនដឹង</translation>
    </message>
    <message>
        <source>Marital status:</source>
        <translation>ស្ថានភាពគ្រួសារ៖</translation>
    </message>
    <message>
        <source>Disability:</source>
        <translation>ពិការភាព៖</translation>
    </message>
    <message>
        <source>Type of violence (GBVIMS classification)</source>
        <translation>ប្រភេទអំពើហិង្សា (ចំណាត់ថ្នាក់ GBVIMS)</translation>
    </message>
    <message>
        <source>Were money, goods or services exchanged?</source>
        <translation>តើមានការដោះដូរលុយ ទំនិញ ឬសេវាដែរឬទេ?</translation>
    </message>
    <message>
        <source>Alleged perpetrators</source>
        <translation>ជនសង្ស័យថាជាជនល្មើស</translation>
    </message>
    <message>
        <source>Add perpetrator</source>
        <translation>បន្ថែមជនល្មើស</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>ដកចេញ</translation>
    </message>
    <message>
        <source>The commune&apos;s response</source>
        <translation>ការឆ្លើយតបរបស់ឃុំ/សង្កាត់</translation>
    </message>
    <message>
        <source>Actions taken:</source>
        <translation>វិធានការដែលបានអនុវត្ត៖</translation>
    </message>
    <message>
        <source>Risk level:</source>
        <translation>កម្រិតហានិភ័យ៖</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>ស្ថានភាព៖</translation>
    </message>
    <message>
        <source>Follow-up date:</source>
        <translation>ថ្ងៃតាមដាន៖</translation>
    </message>
    <message>
        <source>Case worker (CCWC focal point):</source>
        <translation>អ្នកទទួលបន្ទុកករណី (បុគ្គលបង្គោល គ.ក.ន.ក)៖</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>មិនទាន់មាន</translation>
    </message>
    <message>
        <source>She sees the identifying details of this case. Only the chief changes her once saved.</source>
        <translation>នាងអាចមើលព័ត៌មានអត្តសញ្ញាណនៃករណីនេះ។ ក្រោយរក្សាទុក មានតែមេឃុំទេដែលអាចប្ដូរអ្នកទទួលបន្ទុកបាន។</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>ការយល់ព្រម</translation>
    </message>
    <message>
        <source>Consent to referral to services:</source>
        <translation>ការយល់ព្រមឱ្យបញ្ជូនទៅសេវា៖</translation>
    </message>
    <message>
        <source>She agrees to be counted in statistics (no names)</source>
        <translation>នាងយល់ព្រមឱ្យរាប់ក្នុងស្ថិតិ (គ្មានឈ្មោះ)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>រក្សាទុក</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Case context: shown once the type is known.</source>
        <translation>បរិបទករណី៖ បង្ហាញនៅពេលដឹងប្រភេទ។</translation>
    </message>
    <message>
        <source>none</source>
        <translation>គ្មាន</translation>
    </message>
    <message>
        <source>Case context (derived): %1</source>
        <translation>បរិបទករណី (ទាញចេញដោយស្វ័យប្រវត្តិ)៖ %1</translation>
    </message>
    <message>
        <source>The month %1 has been approved. You can still follow the case up (status, follow-up date, risk); correcting anything else needs the chief to reopen the month.</source>
        <translation>ខែ %1 ត្រូវបានអនុម័តហើយ។ អ្នកនៅតែអាចតាមដានករណីបាន (ស្ថានភាព ថ្ងៃតាមដាន ហានិភ័យ)។ ការកែប្រែផ្សេងទៀត ត្រូវឱ្យមេឃុំបើកខែនេះឡើងវិញ។</translation>
    </message>
    <message>
        <source>Caution: mediation is discouraged in intimate partner violence (GBVIMS and the Cambodian guidelines): it can put her at risk and press her to go back. Record what the commune did; consider a referral and a safety plan.</source>
        <translation>ប្រយ័ត្ន៖ ការសម្រុះសម្រួលមិនត្រូវបានណែនាំទេ ក្នុងអំពើហិង្សាដោយដៃគូ (GBVIMS និងគោលការណ៍ណែនាំរបស់កម្ពុជា)៖ វាអាចធ្វើឱ្យនាងប្រឈមនឹងគ្រោះថ្នាក់ និងសង្កត់ឱ្យនាងត្រឡប់ទៅវិញ។ សូមកត់ត្រាអ្វីដែលឃុំបានធ្វើ ហើយពិចារណាការបញ្ជូន និងផែនការសុវត្ថិភាព។</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <source>Incident</source>
        <translation>ឧប្បត្តិហេតុ</translation>
    </message>
    <message>
        <source>Survivor</source>
        <translation>អ្នករួចផុត</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>ថ្ងៃរាយការណ៍</translation>
    </message>
    <message>
        <source>GBV type</source>
        <translation>ប្រភេទអំពើហិង្សា</translation>
    </message>
    <message>
        <source>Case context</source>
        <translation>បរិបទករណី</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>ភូមិ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ស្ថានភាព</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>ហានិភ័យ</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>ការតាមដាន</translation>
    </message>
</context>
<context>
    <name>IncidentsPage</name>
    <message>
        <source>Incidents</source>
        <translation>ឧប្បត្តិហេតុ</translation>
    </message>
    <message>
        <source>All months</source>
        <translation>គ្រប់ខែ</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>គ្រប់ប្រភេទ</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>គ្រប់ស្ថានភាព</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>គ្រប់ភូមិ</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>ដល់ពេលតាមដាន</translation>
    </message>
    <message>
        <source>Search by incident or survivor code</source>
        <translation>ស្វែងរកតាមលេខកូដឧប្បត្តិហេតុ ឬជនរងគ្រោះ</translation>
    </message>
    <message>
        <source>New incident…</source>
        <translation>ឧប្បត្តិហេតុថ្មី…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>បើក</translation>
    </message>
    <message>
        <source>Refer…</source>
        <translation>បញ្ជូន…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>លុប…</translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s)</source>
        <translation>
            <numerusform>ឧប្បត្តិហេតុ %n</numerusform>
            <numerusform>ឧប្បត្តិហេតុ %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete incident</source>
        <translation>លុបឧប្បត្តិហេតុ</translation>
    </message>
    <message>
        <source>The incident is removed from the lists and statistics but kept in the database with your reason. Why is it being deleted?</source>
        <translation>ឧប្បត្តិហេតុនឹងត្រូវដកចេញពីបញ្ជី និងស្ថិតិ ប៉ុន្តែរក្សាទុកក្នុងមូលដ្ឋានទិន្នន័យជាមួយហេតុផលរបស់អ្នក។ ហេតុអ្វីបានជាលុបវា?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>លុប</translation>
    </message>
    <message>
        <source>The incident has been deleted.</source>
        <translation>ឧប្បត្តិហេតុត្រូវបានលុប។</translation>
    </message>
</context>
<context>
    <name>Instance</name>
    <message>
        <source>SHSC Desktop is already open on this PC in the Windows account %1 (since %2). Close it there first: switch to that account, or ask that person to sign out.</source>
        <translation>SHSC Desktop កំពុងបើករួចហើយនៅលើកុំព្យូទ័រនេះ ក្នុងគណនី Windows %1 (តាំងពី %2)។ សូមបិទវានៅទីនោះជាមុនសិន៖ ប្ដូរទៅគណនីនោះ ឬសុំឱ្យអ្នកនោះចាកចេញ។</translation>
    </message>
    <message>
        <source>SHSC Desktop is already open (since %1). Use the window that is open; look for it in the taskbar.</source>
        <translation>SHSC Desktop កំពុងបើករួចហើយ (តាំងពី %1)។ សូមប្រើបង្អួចដែលកំពុងបើក៖ រកវានៅលើរបារភារកិច្ច។</translation>
    </message>
</context>
<context>
    <name>LegalContextBox</name>
    <message>
        <source>Legal context</source>
        <translation>បរិបទផ្លូវច្បាប់</translation>
    </message>
    <message>
        <source>Reported to the police or the prosecutor:</source>
        <translation>បានរាយការណ៍ទៅនគរបាល ឬព្រះរាជអាជ្ញា៖</translation>
    </message>
    <message>
        <source>Why not reported:</source>
        <translation>ហេតុអ្វីមិនបានរាយការណ៍៖</translation>
    </message>
    <message>
        <source>The domestic violence law applies:</source>
        <translation>ច្បាប់ស្ដីពីអំពើហិង្សាក្នុងគ្រួសារអនុវត្ត៖</translation>
    </message>
    <message>
        <source>Administrative decision, date:</source>
        <translation>កាលបរិច្ឆេទសេចក្ដីសម្រេច៖</translation>
    </message>
    <message>
        <source>Measures of the decision:</source>
        <translation>វិធានការនៃសេចក្ដីសម្រេច៖</translation>
    </message>
    <message>
        <source>Protection order:</source>
        <translation>ដីកាការពារ៖</translation>
    </message>
    <message>
        <source>Case sent to the prosecutor:</source>
        <translation>សំណុំរឿងបានបញ្ជូនទៅព្រះរាជអាជ្ញា៖</translation>
    </message>
    <message>
        <source>Criminal Procedure Code art. 42: an authority that learns of a crime reports it to the police or the prosecutor. Was it reported?</source>
        <translation>ក្រមនីតិវិធីព្រហ្មទណ្ឌ មាត្រា ៤២៖ អាជ្ញាធរដែលដឹងពីបទល្មើស ត្រូវរាយការណ៍ទៅនគរបាល ឬព្រះរាជអាជ្ញា។ តើបានរាយការណ៍ឬទេ?</translation>
    </message>
    <message>
        <source>Why the crime was not reported to the police or the prosecutor.</source>
        <translation>ហេតុអ្វីបទល្មើសមិនត្រូវបានរាយការណ៍ទៅនគរបាល ឬព្រះរាជអាជ្ញា។</translation>
    </message>
    <message>
        <source>The 2005 Law on the Prevention of Domestic Violence applies to violence between people of one household (spouses, children, dependants, servants).</source>
        <translation>ច្បាប់ឆ្នាំ ២០០៥ ស្ដីពីការទប់ស្កាត់អំពើហិង្សាក្នុងគ្រួសារ អនុវត្តចំពោះអំពើហិង្សារវាងមនុស្សក្នុងគ្រួសារតែមួយ (ប្ដីប្រពន្ធ កូន អ្នកនៅក្នុងបន្ទុក អ្នកបម្រើ)។</translation>
    </message>
    <message>
        <source>The day the commune or sangkat chief issued an administrative decision under the domestic violence law.</source>
        <translation>ថ្ងៃដែលមេឃុំ ឬចៅសង្កាត់បានចេញសេចក្ដីសម្រេចរដ្ឋបាល តាមច្បាប់ស្ដីពីអំពើហិង្សាក្នុងគ្រួសារ។</translation>
    </message>
    <message>
        <source>What the administrative decision orders, e.g. a warning letter or the perpetrator&apos;s removal from the home.</source>
        <translation>អ្វីដែលសេចក្ដីសម្រេចរដ្ឋបាលបង្គាប់ ឧ. លិខិតព្រមាន ឬការបញ្ជាឱ្យជនល្មើសចាកចេញពីផ្ទះ។</translation>
    </message>
    <message>
        <source>A protection order of the court (DV law art. 20): requested, granted or refused.</source>
        <translation>ដីកាការពាររបស់តុលាការ (ច្បាប់អំពើហិង្សាក្នុងគ្រួសារ មាត្រា ២០)៖ បានស្នើសុំ បានចេញ ឬត្រូវបានបដិសេធ។</translation>
    </message>
    <message>
        <source>Whether the case file was sent to the prosecutor.</source>
        <translation>តើសំណុំរឿងត្រូវបានបញ្ជូនទៅព្រះរាជអាជ្ញាឬទេ។</translation>
    </message>
</context>
<context>
    <name>LevelPage</name>
    <message>
        <source>Welcome to SHSC Desktop</source>
        <translation>សូមស្វាគមន៍មកកាន់ SHSC Desktop</translation>
    </message>
    <message>
        <source>Set up this computer for your office. This is done once.</source>
        <translation>រៀបចំកុំព្យូទ័រនេះសម្រាប់ការិយាល័យរបស់អ្នក។ ការនេះធ្វើតែម្ដងប៉ុណ្ណោះ។</translation>
    </message>
    <message>
        <source>Which office will use this computer?</source>
        <translation>តើការិយាល័យណានឹងប្រើកុំព្យូទ័រនេះ?</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>ភាសា៖</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Home</source>
        <translation>ទំព័រដើម</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>ឧប្បត្តិហេតុ</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>ការបញ្ជូន</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>កិច្ចប្រជុំ</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>ទំនាក់ទំនង</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>របាយការណ៍</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>ការផ្លាស់ប្ដូរទិន្នន័យ</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>ការគ្រប់គ្រង</translation>
    </message>
    <message>
        <source>SHSC Desktop – %1</source>
        <translation>SHSC Desktop – %1</translation>
    </message>
    <message>
        <source>Lock (Ctrl+L)</source>
        <translation>ចាក់សោ (Ctrl+L)</translation>
    </message>
    <message>
        <source>Hide (Ctrl+Shift+H)</source>
        <translation>លាក់ (Ctrl+Shift+H)</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>ឧបករណ៍</translation>
    </message>
    <message>
        <source>Office: %1</source>
        <translation>ការិយាល័យ៖ %1</translation>
    </message>
    <message>
        <source>Signed in: %1 – %2</source>
        <translation>អ្នកប្រើ៖ %1 – %2</translation>
    </message>
</context>
<context>
    <name>MeetingForm</name>
    <message>
        <source>Meeting minutes</source>
        <translation>កំណត់ហេតុកិច្ចប្រជុំ</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>កិច្ចប្រជុំ</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>ប្រភេទ៖</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>កាលបរិច្ឆេទ៖</translation>
    </message>
    <message>
        <source>Venue (village):</source>
        <translation>ទីកន្លែង (ភូមិ)៖</translation>
    </message>
    <message>
        <source>Facilitator:</source>
        <translation>អ្នកសម្របសម្រួល៖</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>អ្នកចូលរួម</translation>
    </message>
    <message>
        <source>Topics discussed</source>
        <translation>ប្រធានបទដែលបានពិភាក្សា</translation>
    </message>
    <message>
        <source>Concerns and decisions</source>
        <translation>ក្ដីបារម្ភ និងសេចក្ដីសម្រេច</translation>
    </message>
    <message>
        <source>Concerns raised:</source>
        <translation>ក្ដីបារម្ភដែលបានលើកឡើង៖</translation>
    </message>
    <message>
        <source>Decisions:</source>
        <translation>សេចក្ដីសម្រេច៖</translation>
    </message>
    <message>
        <source>These are case-conference minutes: they may name survivors, so only the chief or a user given identity access can read them. The meeting, its attendance and its action items are shown; the minutes are kept as they are when you save.</source>
        <translation>នេះជាកំណត់ហេតុកិច្ចប្រជុំពិភាក្សាករណី៖ វាអាចមានឈ្មោះជនរងគ្រោះ ដូច្នេះមានតែមេឃុំ ឬអ្នកប្រើដែលបានទទួលសិទ្ធិមើលព័ត៌មានអត្តសញ្ញាណប៉ុណ្ណោះ ដែលអាចអានវាបាន។ កិច្ចប្រជុំ អ្នកចូលរួម និងសកម្មភាពត្រូវធ្វើ ត្រូវបានបង្ហាញ ហើយកំណត់ហេតុនៅដដែល នៅពេលអ្នករក្សាទុក។</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>ចំណុចសកម្មភាព</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>បន្ថែមសកម្មភាព</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>ដកចេញ</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>រក្សាទុក</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>%1 people of the group %2 attended this one meeting. Is this number right?</source>
        <translation>មនុស្ស %1 នាក់នៃក្រុម %2 បានចូលរួមកិច្ចប្រជុំតែមួយនេះ។ តើចំនួននេះត្រឹមត្រូវឬ?</translation>
    </message>
    <message>
        <source>Yes, save</source>
        <translation>បាទ/ចាស រក្សាទុក</translation>
    </message>
</context>
<context>
    <name>MeetingTableModel</name>
    <message>
        <source>Date</source>
        <translation>កាលបរិច្ឆេទ</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>កិច្ចប្រជុំ</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>ទីកន្លែង</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>អ្នកចូលរួម</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>សកម្មភាពមិនទាន់រួច</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <source>Meetings</source>
        <translation>កិច្ចប្រជុំ</translation>
    </message>
    <message>
        <source>All months</source>
        <translation>គ្រប់ខែ</translation>
    </message>
    <message>
        <source>New minutes…</source>
        <translation>កំណត់ហេតុថ្មី…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>បើក</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>លុប…</translation>
    </message>
    <message>
        <source>Open action items</source>
        <translation>ចំណុចសកម្មភាពមិនទាន់រួចរាល់</translation>
    </message>
    <message>
        <source>Set status</source>
        <translation>កំណត់ស្ថានភាព</translation>
    </message>
    <message>
        <source>Delete meeting</source>
        <translation>លុបកិច្ចប្រជុំ</translation>
    </message>
    <message>
        <source>Why are these minutes being deleted? The reason is kept in the audit log.</source>
        <translation>ហេតុអ្វីបានជាលុបកំណត់ហេតុនេះ? ហេតុផលត្រូវរក្សាទុកក្នុងកំណត់ហេតុសវនកម្ម។</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>លុប</translation>
    </message>
    <message>
        <source>The action item has been updated.</source>
        <translation>ចំណុចសកម្មភាពត្រូវបានធ្វើបច្ចុប្បន្នភាព។</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>SHSC Desktop</source>
        <translation>SHSC Desktop</translation>
    </message>
    <message>
        <source>Too many failed attempts. Wait %1 seconds.</source>
        <translation>ព្យាយាមខុសច្រើនដងពេក។ សូមរង់ចាំ %1 វិនាទី។</translation>
    </message>
    <message>
        <source>The bundle did not pass its checks.</source>
        <translation>កញ្ចប់ទិន្នន័យមិនបានឆ្លងកាត់ការពិនិត្យទេ។</translation>
    </message>
    <message>
        <source>The file is larger than 5 MB: it is not a bundle.</source>
        <translation>ឯកសារធំជាង ៥ MB៖ វាមិនមែនជាកញ្ចប់ទិន្នន័យទេ។</translation>
    </message>
    <message>
        <source>The file cannot be read. Copy it again from the USB stick or e-mail.</source>
        <translation>មិនអាចអានឯកសារបានទេ។ សូមចម្លងវាម្ដងទៀតពី USB ឬអ៊ីមែល។</translation>
    </message>
    <message>
        <source>This file is not an SHSC bundle, or it is damaged or cut short.</source>
        <translation>ឯកសារនេះមិនមែនជាកញ្ចប់ទិន្នន័យ SHSC ទេ ឬវាខូច ឬមិនពេញលេញ។</translation>
    </message>
    <message>
        <source>This bundle cannot be opened with this office&apos;s key: it was made for another office, or it is damaged.</source>
        <translation>មិនអាចបើកកញ្ចប់ទិន្នន័យនេះដោយសោរបស់ការិយាល័យនេះបានទេ៖ វាត្រូវបានធ្វើសម្រាប់ការិយាល័យផ្សេង ឬវាខូច។</translation>
    </message>
    <message>
        <source>The signature does not match the content: the file was changed or damaged.</source>
        <translation>ហត្ថលេខាមិនត្រូវនឹងខ្លឹមសារទេ៖ ឯកសារត្រូវបានកែប្រែ ឬខូច។</translation>
    </message>
    <message>
        <source>The sender&apos;s certificate does not come from our ministry: an unknown sender.</source>
        <translation>វិញ្ញាបនបត្ររបស់អ្នកផ្ញើមិនមែនមកពីក្រសួងរបស់យើងទេ៖ អ្នកផ្ញើមិនស្គាល់។</translation>
    </message>
    <message>
        <source>The sender&apos;s certificate may not sign bundles for this office (wrong district).</source>
        <translation>វិញ្ញាបនបត្ររបស់អ្នកផ្ញើមិនអាចចុះហត្ថលេខាលើកញ្ចប់ទិន្នន័យសម្រាប់ការិយាល័យនេះទេ (ខុសខណ្ឌ)។</translation>
    </message>
    <message>
        <source>A certificate of this bundle is not valid today. Check this computer&apos;s date; otherwise the sender must renew its certificate.</source>
        <translation>វិញ្ញាបនបត្រមួយនៃកញ្ចប់ទិន្នន័យនេះមិនមានសុពលភាពនៅថ្ងៃនេះទេ។ សូមពិនិត្យកាលបរិច្ឆេទនៃកុំព្យូទ័រនេះ បើមិនដូច្នោះទេ អ្នកផ្ញើត្រូវបន្តវិញ្ញាបនបត្ររបស់ខ្លួន។</translation>
    </message>
    <message>
        <source>The revocation list needed to check the sender is missing. Ask for a new bundle.</source>
        <translation>បញ្ជីដកហូតដែលត្រូវការដើម្បីពិនិត្យអ្នកផ្ញើ មិនមានទេ។ សូមស្នើសុំកញ្ចប់ទិន្នន័យថ្មី។</translation>
    </message>
    <message>
        <source>The revocation list has expired. Ask the office above (or the sender) for a new one.</source>
        <translation>បញ្ជីដកហូតបានផុតកំណត់។ សូមស្នើសុំបញ្ជីថ្មីពីការិយាល័យថ្នាក់លើ (ឬពីអ្នកផ្ញើ)។</translation>
    </message>
    <message>
        <source>The sender&apos;s certificate has been revoked: this office may not send.</source>
        <translation>វិញ្ញាបនបត្ររបស់អ្នកផ្ញើត្រូវបានដកហូត៖ ការិយាល័យនេះមិនអាចផ្ញើបានទេ។</translation>
    </message>
    <message>
        <source>The content of the bundle is not in the expected form.</source>
        <translation>ខ្លឹមសារនៃកញ្ចប់ទិន្នន័យមិនមែនជាទម្រង់ដែលរំពឹងទុកទេ។</translation>
    </message>
    <message>
        <source>This bundle is addressed to another office (it may have been forwarded).</source>
        <translation>កញ្ចប់ទិន្នន័យនេះផ្ញើទៅការិយាល័យផ្សេង (វាប្រហែលត្រូវបានបញ្ជូនបន្ត)។</translation>
    </message>
    <message>
        <source>The office named in the bundle is not the one that signed it.</source>
        <translation>ការិយាល័យដែលមានឈ្មោះក្នុងកញ្ចប់ទិន្នន័យ មិនមែនជាការិយាល័យដែលបានចុះហត្ថលេខាទេ។</translation>
    </message>
    <message>
        <source>The bundle was made by a newer version of SHSC Desktop. Update this computer.</source>
        <translation>កញ្ចប់ទិន្នន័យត្រូវបានធ្វើដោយកំណែថ្មីជាងនៃ SHSC Desktop។ សូមធ្វើបច្ចុប្បន្នភាពកុំព្យូទ័រនេះ។</translation>
    </message>
    <message>
        <source>The sender does not report to this office.</source>
        <translation>អ្នកផ្ញើមិនរាយការណ៍មកការិយាល័យនេះទេ។</translation>
    </message>
    <message>
        <source>This commune&apos;s office keys changed since it was enrolled — ask the commune chief to verify the office and re-enrol. Nothing was imported.</source>
        <translation>កូនសោការិយាល័យរបស់ឃុំ/សង្កាត់នេះបានផ្លាស់ប្ដូរ ចាប់តាំងពីពេលដែលវាត្រូវបានចុះឈ្មោះ — សូមស្នើឱ្យប្រធានឃុំ/សង្កាត់ផ្ទៀងផ្ទាត់ការិយាល័យ ហើយចុះឈ្មោះម្ដងទៀត។ គ្មានអ្វីត្រូវបាននាំចូលទេ។</translation>
    </message>
    <message>
        <source>This district&apos;s office keys changed since it was enrolled — ask the district to verify its office and re-enrol. Nothing was imported.</source>
        <translation>កូនសោការិយាល័យរបស់ខណ្ឌ/ស្រុកនេះបានផ្លាស់ប្ដូរ ចាប់តាំងពីពេលដែលវាត្រូវបានចុះឈ្មោះ — សូមស្នើឱ្យខណ្ឌ/ស្រុកផ្ទៀងផ្ទាត់ការិយាល័យរបស់ខ្លួន ហើយចុះឈ្មោះម្ដងទៀត។ គ្មានអ្វីត្រូវបាននាំចូលទេ។</translation>
    </message>
    <message>
        <source>The office keys in this bundle do not vouch for its content: it was forged or damaged. Nothing was imported.</source>
        <translation>កូនសោការិយាល័យនៅក្នុងកញ្ចប់ទិន្នន័យនេះ មិនធានាខ្លឹមសាររបស់វាទេ៖ វាត្រូវបានក្លែងបន្លំ ឬខូច។ គ្មានអ្វីត្រូវបាននាំចូលទេ។</translation>
    </message>
    <message>
        <source>The sender enrolled with its office keys, but this bundle does not carry them: it was not made by SHSC Desktop at that office. Nothing was imported.</source>
        <translation>អ្នកផ្ញើបានចុះឈ្មោះជាមួយកូនសោការិយាល័យរបស់ខ្លួន ប៉ុន្តែកញ្ចប់ទិន្នន័យនេះមិនមានវាទេ៖ វាមិនត្រូវបានបង្កើតដោយ SHSC Desktop នៅការិយាល័យនោះទេ។ គ្មានអ្វីត្រូវបាននាំចូលទេ។</translation>
    </message>
    <message>
        <source>A different bundle with the same number or revision was already imported. This may be an attack: tell the chief.</source>
        <translation>កញ្ចប់ទិន្នន័យផ្សេងដែលមានលេខ ឬកំណែដូចគ្នា ត្រូវបាននាំចូលរួចហើយ។ នេះអាចជាការវាយប្រហារ៖ សូមប្រាប់ប្រធាន។</translation>
    </message>
    <message>
        <source>The bundle reports a month that has not happened yet.</source>
        <translation>កញ្ចប់ទិន្នន័យរាយការណ៍ខែដែលមិនទាន់មកដល់។</translation>
    </message>
    <message>
        <source>A newer revision of this month from this office was already imported.</source>
        <translation>កំណែថ្មីជាងនៃខែនេះពីការិយាល័យនេះ ត្រូវបាននាំចូលរួចហើយ។</translation>
    </message>
    <message>
        <source>This is an old bundle: a newer one from this office was already imported.</source>
        <translation>នេះជាកញ្ចប់ទិន្នន័យចាស់៖ កញ្ចប់ថ្មីជាងពីការិយាល័យនេះត្រូវបាននាំចូលរួចហើយ។</translation>
    </message>
    <message>
        <source>The bundle number jumps far ahead of the last one imported; the chief must confirm.</source>
        <translation>លេខកញ្ចប់ទិន្នន័យលោតឆ្ងាយពីលេខចុងក្រោយដែលបាននាំចូល ប្រធានត្រូវបញ្ជាក់។</translation>
    </message>
    <message>
        <source>The bundle holds a table or a row that SHSC Desktop does not know. Ask the sender to export the month again with an up-to-date version.</source>
        <translation>កញ្ចប់ទិន្នន័យមានតារាង ឬជួរដែល SHSC Desktop មិនស្គាល់។ សូមស្នើឱ្យអ្នកផ្ញើនាំចេញខែនោះម្តងទៀតដោយប្រើកំណែថ្មី។</translation>
    </message>
    <message>
        <source>A table in the bundle is incomplete or not in the expected form.</source>
        <translation>តារាងមួយក្នុងកញ្ចប់ទិន្នន័យមិនពេញលេញ ឬមិនមានទម្រង់ដូចការរំពឹងទុក។</translation>
    </message>
    <message>
        <source>A number in the bundle is not a possible count (negative, too large or not a number). Tell the chief: the sender&apos;s computer may be faulty or misused.</source>
        <translation>លេខមួយក្នុងកញ្ចប់ទិន្នន័យមិនមែនជាចំនួនដែលអាចមាន (អវិជ្ជមាន ធំពេក ឬមិនមែនជាលេខ)។ សូមប្រាប់ប្រធាន៖ កុំព្យូទ័ររបស់អ្នកផ្ញើអាចមានបញ្ហា ឬត្រូវបានប្រើខុស។</translation>
    </message>
    <message>
        <source>The totals in the bundle do not match its own figures. Tell the chief: the sender&apos;s computer may be faulty or misused.</source>
        <translation>សរុបក្នុងកញ្ចប់ទិន្នន័យមិនត្រូវនឹងតួលេខរបស់វាផ្ទាល់។ សូមប្រាប់ប្រធាន៖ កុំព្យូទ័ររបស់អ្នកផ្ញើអាចមានបញ្ហា ឬត្រូវបានប្រើខុស។</translation>
    </message>
    <message>
        <source>A table in the bundle does not add up to the headline figure it breaks down. Tell the chief: the sender&apos;s computer may be faulty or misused.</source>
        <translation>តារាងមួយក្នុងកញ្ចប់ទិន្នន័យ មិនស្មើនឹងតួលេខសង្ខេបដែលវាបែងចែកលម្អិតនោះទេ។ សូមប្រាប់ប្រធាន៖ កុំព្យូទ័ររបស់អ្នកផ្ញើអាចមានបញ្ហា ឬត្រូវបានប្រើខុស។</translation>
    </message>
    <message>
        <source>The certificate file did not pass its checks.</source>
        <translation>ឯកសារវិញ្ញាបនបត្រមិនបានឆ្លងកាត់ការពិនិត្យទេ។</translation>
    </message>
    <message>
        <source>This file is not a certificate request or package, or it is damaged.</source>
        <translation>ឯកសារនេះមិនមែនជាសំណើ ឬកញ្ចប់វិញ្ញាបនបត្រទេ ឬវាខូច។</translation>
    </message>
    <message>
        <source>The file was made by a newer version of SHSC Desktop. Update this computer.</source>
        <translation>ឯកសារត្រូវបានធ្វើដោយកំណែថ្មីជាងនៃ SHSC Desktop។ សូមធ្វើបច្ចុប្បន្នភាពកុំព្យូទ័រនេះ។</translation>
    </message>
    <message>
        <source>This request is not from an office directly below this one.</source>
        <translation>សំណើនេះមិនមែនមកពីការិយាល័យថ្នាក់ក្រោមផ្ទាល់នៃការិយាល័យនេះទេ។</translation>
    </message>
    <message>
        <source>This package does not answer this office&apos;s certificate request. Ask for the package made for the request you sent.</source>
        <translation>កញ្ចប់នេះមិនមែនឆ្លើយតបសំណើវិញ្ញាបនបត្ររបស់ការិយាល័យនេះទេ។ សូមស្នើសុំកញ្ចប់ដែលធ្វើសម្រាប់សំណើដែលអ្នកបានផ្ញើ។</translation>
    </message>
    <message>
        <source>This package comes from another ministry root: do not install it.</source>
        <translation>កញ្ចប់នេះមកពីឫសក្រសួងផ្សេង៖ កុំដំឡើងវា។</translation>
    </message>
    <message>
        <source>A certificate in the package is not signed by its issuer.</source>
        <translation>វិញ្ញាបនបត្រមួយក្នុងកញ្ចប់ មិនត្រូវបានចុះហត្ថលេខាដោយអ្នកចេញរបស់វាទេ។</translation>
    </message>
    <message>
        <source>A certificate in the package is not valid today. Check this computer&apos;s date.</source>
        <translation>វិញ្ញាបនបត្រមួយក្នុងកញ្ចប់មិនមានសុពលភាពនៅថ្ងៃនេះទេ។ សូមពិនិត្យកាលបរិច្ឆេទនៃកុំព្យូទ័រនេះ។</translation>
    </message>
    <message>
        <source>The return notice did not pass its checks.</source>
        <translation>លិខិតប្រគល់ត្រឡប់មិនឆ្លងកាត់ការពិនិត្យទេ។</translation>
    </message>
    <message>
        <source>This file is not a return notice from a district.</source>
        <translation>ឯកសារនេះមិនមែនជាលិខិតប្រគល់ត្រឡប់ពីខណ្ឌ/ស្រុកទេ។</translation>
    </message>
    <message>
        <source>The notice&apos;s signature is not valid: it was changed on the way or is damaged.</source>
        <translation>ហត្ថលេខារបស់លិខិតមិនត្រឹមត្រូវ៖ វាត្រូវបានកែប្រែតាមផ្លូវ ឬខូច។</translation>
    </message>
    <message>
        <source>The notice is not signed by the district that enrolled this commune.</source>
        <translation>លិខិតនេះមិនត្រូវបានចុះហត្ថលេខាដោយខណ្ឌ/ស្រុកដែលបានចុះឈ្មោះឃុំ/សង្កាត់នេះទេ។</translation>
    </message>
    <message>
        <source>The notice is not signed by a district.</source>
        <translation>លិខិតនេះមិនត្រូវបានចុះហត្ថលេខាដោយខណ្ឌ/ស្រុកទេ។</translation>
    </message>
    <message>
        <source>The notice was written for another commune, not for this office.</source>
        <translation>លិខិតនេះសរសេរសម្រាប់ឃុំ/សង្កាត់ផ្សេង មិនមែនសម្រាប់ការិយាល័យនេះទេ។</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>គ្មានអ្វីត្រូវបាននាំចូលទេ។</translation>
    </message>
    <message>
        <source>Nothing was recorded.</source>
        <translation>គ្មានអ្វីត្រូវបានកត់ត្រាទេ។</translation>
    </message>
    <message>
        <source>Nothing was installed.</source>
        <translation>គ្មានអ្វីត្រូវបានដំឡើងទេ។</translation>
    </message>
    <message>
        <source>The database has lost recent changes (for example after a crash that damaged its files). Missing audit entries: %1. Restore the newest backup, or, as the chief, continue without them.</source>
        <translation>មូលដ្ឋានទិន្នន័យបានបាត់បង់ការផ្លាស់ប្ដូរថ្មីៗ (ឧទាហរណ៍ បន្ទាប់ពីការគាំងដែលធ្វើឱ្យឯកសាររបស់វាខូច)។ ធាតុកំណត់ហេតុសវនកម្មដែលបាត់៖ %1។ សូមស្ដារពីច្បាប់បម្រុងទុកថ្មីបំផុត ឬក្នុងនាមជាប្រធាន សូមបន្តដោយគ្មានធាតុទាំងនោះ។</translation>
    </message>
    <message>
        <source>The user name or password is not correct.</source>
        <translation>ឈ្មោះអ្នកប្រើ ឬពាក្យសម្ងាត់មិនត្រឹមត្រូវទេ។</translation>
    </message>
    <message>
        <source>The key file of this office is damaged or missing. Your records are still in the database, but they can only be opened by restoring a backup.</source>
        <translation>ឯកសារកូនសោរបស់ការិយាល័យនេះខូច ឬបាត់។ កំណត់ត្រារបស់អ្នកនៅតែមានក្នុងមូលដ្ឋានទិន្នន័យ ប៉ុន្តែអាចបើកបានតែតាមរយៈការស្ដារពីច្បាប់បម្រុងទុកប៉ុណ្ណោះ។</translation>
    </message>
    <message>
        <source>The database of this office is damaged or missing. Restore it from a backup.</source>
        <translation>មូលដ្ឋានទិន្នន័យរបស់ការិយាល័យនេះខូច ឬបាត់។ សូមស្ដារវាពីច្បាប់បម្រុងទុក។</translation>
    </message>
    <message>
        <source>The office&apos;s keys on this computer are not the ones printed on the recovery sheet: someone replaced them. Do not enter survivors&apos; details; call the district.</source>
        <translation>កូនសោរបស់ការិយាល័យនៅលើកុំព្យូទ័រនេះ មិនមែនជាកូនសោដែលបានបោះពុម្ពលើសន្លឹកសង្គ្រោះទេ៖ មាននរណាម្នាក់បានជំនួសវា។ កុំបញ្ចូលព័ត៌មានលម្អិតរបស់ជនរងគ្រោះ សូមទូរស័ព្ទទៅខណ្ឌ/ស្រុក។</translation>
    </message>
    <message>
        <source>Your password is correct, but your role in this office has been changed outside the app, so you cannot sign in. This has been recorded. Ask the chief to sign in and set your account right.</source>
        <translation>ពាក្យសម្ងាត់របស់អ្នកត្រឹមត្រូវ ប៉ុន្តែតួនាទីរបស់អ្នកក្នុងការិយាល័យនេះត្រូវបានផ្លាស់ប្ដូរនៅក្រៅកម្មវិធី ដូច្នេះអ្នកមិនអាចចូលបានទេ។ ព្រឹត្តិការណ៍នេះត្រូវបានកត់ត្រាទុក។ សូមស្នើឱ្យមេឃុំចូល ហើយកែគណនីរបស់អ្នកឱ្យត្រឹមត្រូវ។</translation>
    </message>
    <message>
        <source>The identifying details are sealed. Only the chief and the people she has allowed can open them.</source>
        <translation>ព័ត៌មានអត្តសញ្ញាណត្រូវបានបិទភ្ជាប់។ មានតែមេឃុំ និងអ្នកដែលគាត់បានអនុញ្ញាតប៉ុណ្ណោះ ដែលអាចបើកវាបាន។</translation>
    </message>
    <message>
        <source>No office has been set up on this computer.</source>
        <translation>មិនទាន់មានការិយាល័យណាមួយត្រូវបានរៀបចំនៅលើកុំព្យូទ័រនេះទេ។</translation>
    </message>
    <message>
        <source>An office has already been set up here.</source>
        <translation>ការិយាល័យមួយត្រូវបានរៀបចំនៅទីនេះរួចហើយ។</translation>
    </message>
    <message>
        <source>Your role does not allow this. Ask the chief of the office.</source>
        <translation>តួនាទីរបស់អ្នកមិនអនុញ្ញាតឱ្យធ្វើការនេះទេ។ សូមសួរប្រធានការិយាល័យ។</translation>
    </message>
    <message>
        <source>The record or user no longer exists.</source>
        <translation>កំណត់ត្រា ឬអ្នកប្រើនេះលែងមានទៀតហើយ។</translation>
    </message>
    <message>
        <source>This month has been approved and can no longer be changed.</source>
        <translation>ខែនេះត្រូវបានអនុម័តហើយ មិនអាចកែប្រែបានទៀតទេ។</translation>
    </message>
    <message>
        <source>The file could not be written. Check that the disk or USB stick has space and is not write-protected, then try again. Nothing was changed.</source>
        <translation>មិនអាចសរសេរឯកសារបានទេ។ សូមពិនិត្យថាថាស ឬឧបករណ៍ USB មានទំហំទំនេរ និងមិនត្រូវបានការពារការសរសេរ រួចព្យាយាមម្ដងទៀត។ គ្មានអ្វីត្រូវបានផ្លាស់ប្ដូរទេ។</translation>
    </message>
    <message>
        <source>The file is open in another program (for example a PDF reader or Excel). Close the file in other programs, then try again. Nothing was changed.</source>
        <translation>ឯកសារនេះកំពុងបើកក្នុងកម្មវិធីផ្សេង (ឧទាហរណ៍ កម្មវិធីអាន PDF ឬ Excel)។ សូមបិទឯកសារនោះក្នុងកម្មវិធីផ្សេងទៀត រួចព្យាយាមម្ដងទៀត។ គ្មានអ្វីត្រូវបានផ្លាស់ប្ដូរទេ។</translation>
    </message>
    <message>
        <source>This backup file is damaged or is not an SHSC Desktop backup. Nothing was changed.</source>
        <translation>ឯកសារបម្រុងទុកនេះខូច ឬមិនមែនជាច្បាប់បម្រុងទុក SHSC Desktop ទេ។ គ្មានអ្វីត្រូវបានផ្លាស់ប្ដូរទេ។</translation>
    </message>
    <message>
        <source>This backup is older than the data on this computer. Restoring it would lose newer records.</source>
        <translation>ច្បាប់បម្រុងទុកនេះចាស់ជាងទិន្នន័យនៅលើកុំព្យូទ័រនេះ។ ការស្ដារវានឹងធ្វើឱ្យបាត់កំណត់ត្រាថ្មីៗ។</translation>
    </message>
    <message>
        <source>An office is set up on this computer. Restoring over it needs the password of its chief or its recovery key. Nothing was changed.</source>
        <translation>មានការិយាល័យមួយបានរៀបចំរួចនៅលើកុំព្យូទ័រនេះ។ ការស្ដារជំនួសវាត្រូវការពាក្យសម្ងាត់របស់ប្រធានរបស់វា ឬកូនសោសង្គ្រោះរបស់វា។ គ្មានអ្វីត្រូវបានផ្លាស់ប្ដូរទេ។</translation>
    </message>
    <message>
        <source>The key files of the office on this computer cannot be read. A backup can only replace whatever is here, knowingly. Nothing was changed.</source>
        <translation>មិនអាចអានឯកសារកូនសោរបស់ការិយាល័យនៅលើកុំព្យូទ័រនេះបានទេ។ ច្បាប់បម្រុងទុកអាចត្រឹមតែជំនួសអ្វីៗដែលមាននៅទីនេះ ដោយដឹងខ្លួនប៉ុណ្ណោះ។ គ្មានអ្វីត្រូវបានផ្លាស់ប្ដូរទេ។</translation>
    </message>
    <message>
        <source>This backup belongs to another office. Nothing was changed.</source>
        <translation>ច្បាប់បម្រុងទុកនេះជារបស់ការិយាល័យផ្សេង។ គ្មានអ្វីត្រូវបានផ្លាស់ប្ដូរទេ។</translation>
    </message>
    <message>
        <source>The audit log has been altered or damaged. Restore the newest backup, or, as the chief, continue with what is left.</source>
        <translation>កំណត់ហេតុសវនកម្មត្រូវបានកែប្រែ ឬខូច។ សូមស្ដារពីច្បាប់បម្រុងទុកថ្មីបំផុត ឬក្នុងនាមជាប្រធាន សូមបន្តជាមួយអ្វីដែលនៅសល់។</translation>
    </message>
    <message>
        <source>This arrives in a later version.</source>
        <translation>មុខងារនេះនឹងមាននៅក្នុងកំណែក្រោយ។</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>បានបោះបង់។ គ្មានអ្វីត្រូវបានផ្លាស់ប្ដូរទេ។</translation>
    </message>
    <message>
        <source>The survivor has not agreed to this referral. Record her consent, or ask the chief to override it with a reason.</source>
        <translation>អ្នករួចផុតមិនទាន់យល់ព្រមលើការបញ្ជូននេះទេ។ សូមកត់ត្រាការយល់ព្រមរបស់គាត់ ឬសុំឱ្យប្រធានសម្រេចជំនួសដោយបញ្ជាក់មូលហេតុ។</translation>
    </message>
    <message>
        <source>Someone else saved this record after you opened it. Close it and open it again to see their changes.</source>
        <translation>មានអ្នកផ្សេងបានរក្សាទុកកំណត់ត្រានេះ បន្ទាប់ពីអ្នកបានបើកវា។ សូមបិទ ហើយបើកវាម្ដងទៀត ដើម្បីមើលការផ្លាស់ប្ដូររបស់គេ។</translation>
    </message>
    <message>
        <source>Nothing was imported: the file has rows with problems.</source>
        <translation>គ្មានអ្វីត្រូវបាននាំចូលទេ៖ ឯកសារមានជួរដែលមានបញ្ហា។</translation>
    </message>
    <message>
        <source>The certificate file did not pass its checks. Nothing was installed.</source>
        <translation>ឯកសារវិញ្ញាបនបត្រមិនបានឆ្លងកាត់ការពិនិត្យទេ។ គ្មានអ្វីត្រូវបានដំឡើងទេ។</translation>
    </message>
    <message>
        <source>The bundle did not pass its checks. Nothing was imported.</source>
        <translation>កញ្ចប់ទិន្នន័យមិនបានឆ្លងកាត់ការពិនិត្យទេ។ គ្មានអ្វីត្រូវបាននាំចូលទេ។</translation>
    </message>
    <message>
        <source>The disk is full — nothing was saved. Free some space, then press Save again.</source>
        <translation>ថាសពេញហើយ — គ្មានអ្វីត្រូវបានរក្សាទុកទេ។ សូមបង្កើតទំហំទំនេរ រួចចុច រក្សាទុក ម្តងទៀត។</translation>
    </message>
    <message>
        <source>The disk could not be written — nothing was saved. It may be full, removed or failing: check it, then try again.</source>
        <translation>មិនអាចសរសេរលើថាសបានទេ — គ្មានអ្វីត្រូវបានរក្សាទុកទេ។ ថាសប្រហែលជាពេញ ត្រូវបានដកចេញ ឬខូច៖ សូមពិនិត្យវា រួចព្យាយាមម្តងទៀត។</translation>
    </message>
    <message>
        <source>The records are in use by another SHSC Desktop window or program — nothing was saved. Close it, then try again.</source>
        <translation>កំណត់ត្រាកំពុងត្រូវបានប្រើដោយបង្អួច SHSC Desktop ឬកម្មវិធីផ្សេងទៀត — គ្មានអ្វីត្រូវបានរក្សាទុកទេ។ សូមបិទវា រួចព្យាយាមម្តងទៀត។</translation>
    </message>
    <message>
        <source>The records cannot be written: the file, its folder or the disk is read-only — nothing was saved. Ask whoever set up this computer to allow writing there.</source>
        <translation>មិនអាចសរសេរកំណត់ត្រាបានទេ៖ ឯកសារ ថតរបស់វា ឬថាស អាចតែអានបាន — គ្មានអ្វីត្រូវបានរក្សាទុកទេ។ សូមស្នើអ្នកដែលបានរៀបចំកុំព្យូទ័រនេះ ឱ្យអនុញ្ញាតការសរសេរនៅទីនោះ។</translation>
    </message>
    <message>
        <source>The records could not be read or written — nothing was saved. Try again.</source>
        <translation>មិនអាចអាន ឬសរសេរកំណត់ត្រាបានទេ — គ្មានអ្វីត្រូវបានរក្សាទុកទេ។ សូមព្យាយាមម្តងទៀត។</translation>
    </message>
    <message>
        <source>The operation failed: %1</source>
        <translation>ប្រតិបត្តិការមិនបានសម្រេច៖ %1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>យល់ព្រម</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
</context>
<context>
    <name>OfficeKeysLine</name>
    <message>
        <source>Office keys: not created yet (the chief&apos;s next sign-in creates them).</source>
        <translation>កូនសោការិយាល័យ៖ មិនទាន់បង្កើតនៅឡើយ (ការចូលលើកក្រោយរបស់ប្រធាននឹងបង្កើតវា)។</translation>
    </message>
    <message>
        <source>Office keys: %1 (the fingerprint on the recovery sheet)</source>
        <translation>កូនសោការិយាល័យ៖ %1 (ស្នាមម្រាមដៃនៅលើសន្លឹកសង្គ្រោះ)</translation>
    </message>
</context>
<context>
    <name>OfficeKeysWarning</name>
    <message>
        <source>The office keys on this computer (%1) are not the ones the office above enrolled (%2). Someone may have replaced them. Reports sent now will be refused. The chief should compare the fingerprint on the recovery sheet (verify-office) and enrol the office again.</source>
        <translation>កូនសោការិយាល័យនៅលើកុំព្យូទ័រនេះ (%1) មិនមែនជាកូនសោដែលការិយាល័យថ្នាក់លើបានចុះឈ្មោះ (%2) ទេ។ អាចមាននរណាម្នាក់បានជំនួសវា។ របាយការណ៍ដែលផ្ញើឥឡូវនេះនឹងត្រូវបដិសេធ។ ប្រធានគួរប្រៀបធៀបស្នាមម្រាមដៃនៅលើសន្លឹកសង្គ្រោះ (verify-office) ហើយចុះឈ្មោះការិយាល័យម្ដងទៀត។</translation>
    </message>
</context>
<context>
    <name>PerpetratorTable</name>
    <message>
        <source>Sex</source>
        <translation>ភេទ</translation>
    </message>
    <message>
        <source>Age group</source>
        <translation>ក្រុមអាយុ</translation>
    </message>
    <message>
        <source>Relationship to her</source>
        <translation>ទំនាក់ទំនងជាមួយនាង</translation>
    </message>
</context>
<context>
    <name>PlacePage</name>
    <message>
        <source>Where is the office?</source>
        <translation>តើការិយាល័យនៅឯណា?</translation>
    </message>
    <message>
        <source>Which district or khan?</source>
        <translation>តើស្រុក ឬខណ្ឌណា?</translation>
    </message>
    <message>
        <source>Choose the province, then the district or khan, then the commune or sangkat.</source>
        <translation>សូមជ្រើសខេត្ត បន្ទាប់មកស្រុក ឬខណ្ឌ ហើយបន្ទាប់មកឃុំ ឬសង្កាត់។</translation>
    </message>
    <message>
        <source>Choose the province, then the district or khan.</source>
        <translation>សូមជ្រើសខេត្ត បន្ទាប់មកស្រុក ឬខណ្ឌ។</translation>
    </message>
    <message>
        <source>Province or capital:</source>
        <translation>ខេត្ត ឬរាជធានី៖</translation>
    </message>
    <message>
        <source>District or khan:</source>
        <translation>ស្រុក ឬខណ្ឌ៖</translation>
    </message>
    <message>
        <source>Commune or sangkat:</source>
        <translation>ឃុំ ឬសង្កាត់៖</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This section arrives in a later version.</source>
        <translation>ផ្នែកនេះនឹងមាននៅក្នុងកំណែក្រោយ។</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>Enter a real date: year (4 digits), month and day.</source>
        <translation>សូមបញ្ចូលកាលបរិច្ឆេទពិតប្រាកដ៖ ឆ្នាំ (៤ ខ្ទង់) ខែ និងថ្ងៃ។</translation>
    </message>
    <message>
        <source>Please correct the marked fields.</source>
        <translation>សូមកែតម្រូវចន្លោះដែលបានសម្គាល់។</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>ត្រូវបំពេញចន្លោះនេះ។</translation>
    </message>
    <message>
        <source>Choose a value from the list.</source>
        <translation>សូមជ្រើសតម្លៃពីបញ្ជី។</translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation>កាលបរិច្ឆេទនេះស្ថិតនៅពេលអនាគត។</translation>
    </message>
    <message>
        <source>No commune of this district has reported for %1: there is nothing to send. Missing is not zero.</source>
        <translation>មិនទាន់មានឃុំណាមួយនៃស្រុកនេះរាយការណ៍សម្រាប់ %1 ទេ៖ គ្មានអ្វីត្រូវផ្ញើទេ។ ការខ្វះរបាយការណ៍មិនមែនជាសូន្យទេ។</translation>
    </message>
    <message>
        <source>Give the password on standard input with --password-stdin.</source>
        <translation>សូមផ្ដល់ពាក្យសម្ងាត់តាម standard input ជាមួយ --password-stdin។</translation>
    </message>
    <message>
        <source>The %1 on standard input is longer than %2 bytes.</source>
        <translation>%1 នៅលើ standard input វែងជាង %2 បៃ។</translation>
    </message>
    <message>
        <source>The %1 on standard input is not UTF-8 text.</source>
        <translation>%1 នៅលើ standard input មិនមែនជាអត្ថបទ UTF-8 ទេ។</translation>
    </message>
    <message>
        <source>Name the user with --user.</source>
        <translation>សូមបញ្ជាក់ឈ្មោះអ្នកប្រើជាមួយ --user។</translation>
    </message>
    <message>
        <source>Give the recovery key on the first line of standard input.</source>
        <translation>សូមផ្ដល់កូនសោសង្គ្រោះនៅលើបន្ទាត់ទីមួយនៃ standard input។</translation>
    </message>
    <message>
        <source>Give the password for the exported key on the second line of standard input.</source>
        <translation>សូមផ្ដល់ពាក្យសម្ងាត់សម្រាប់កូនសោដែលនាំចេញ នៅលើបន្ទាត់ទីពីរនៃ standard input។</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not available yet in this version.</source>
        <translation>&apos;%1&apos; មិនទាន់មាននៅក្នុងកំណែនេះនៅឡើយទេ។</translation>
    </message>
    <message>
        <source>This file is too large for a certificate request or package.</source>
        <translation>ឯកសារនេះធំពេកសម្រាប់ជាសំណើវិញ្ញាបនបត្រ ឬកញ្ចប់វិញ្ញាបនបត្រ។</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>មិនអាចអាន %1 បានទេ៖ %2</translation>
    </message>
    <message>
        <source>A commune certifies no other office.</source>
        <translation>ឃុំ/សង្កាត់មិនចេញវិញ្ញាបនបត្រឱ្យការិយាល័យផ្សេងទេ។</translation>
    </message>
    <message>
        <source>This office has not set up its root yet.</source>
        <translation>ការិយាល័យនេះមិនទាន់បានរៀបចំវិញ្ញាបនបត្រឫសរបស់ខ្លួននៅឡើយទេ។</translation>
    </message>
    <message>
        <source>This office has not set up its certificates from the ministry yet.</source>
        <translation>ការិយាល័យនេះមិនទាន់បានរៀបចំវិញ្ញាបនបត្រពីក្រសួងនៅឡើយទេ។</translation>
    </message>
    <message>
        <source>Only the ministry creates the root certificate.</source>
        <translation>មានតែក្រសួងប៉ុណ្ណោះដែលបង្កើតវិញ្ញាបនបត្រឫស។</translation>
    </message>
    <message>
        <source>The ministry root already exists.</source>
        <translation>វិញ្ញាបនបត្រឫសរបស់ក្រសួងមានរួចហើយ។</translation>
    </message>
    <message>
        <source>The ministry holds the root and requests nothing.</source>
        <translation>ក្រសួងកាន់វិញ្ញាបនបត្រឫស ហើយមិនស្នើសុំអ្វីទេ។</translation>
    </message>
    <message>
        <source>This office has no pending certificate request.</source>
        <translation>ការិយាល័យនេះគ្មានសំណើវិញ្ញាបនបត្រកំពុងរង់ចាំទេ។</translation>
    </message>
    <message>
        <source>Give a reason for the revocation.</source>
        <translation>សូមផ្ដល់មូលហេតុនៃការដកហូត។</translation>
    </message>
    <message>
        <source>Office %1 is not enrolled here.</source>
        <translation>ការិយាល័យ %1 មិនបានចុះបញ្ជីនៅទីនេះទេ។</translation>
    </message>
    <message>
        <source>Protect the exported key with at least 8 characters.</source>
        <translation>សូមការពារកូនសោដែលនាំចេញ ដោយពាក្យសម្ងាត់យ៉ាងតិច ៨ តួអក្សរ។</translation>
    </message>
    <message>
        <source>This office receives no bundles (or is not enrolled yet): no key to export.</source>
        <translation>ការិយាល័យនេះមិនទទួលកញ្ចប់ទិន្នន័យទេ (ឬមិនទាន់ចុះបញ្ជី)៖ គ្មានកូនសោត្រូវនាំចេញទេ។</translation>
    </message>
    <message>
        <source>No office has been set up in %1.</source>
        <translation>មិនទាន់មានការិយាល័យណាមួយត្រូវបានរៀបចំនៅក្នុង %1 ទេ។</translation>
    </message>
    <message>
        <source>%1 already exists; choose a new file name.</source>
        <translation>%1 មានរួចហើយ៖ សូមជ្រើសឈ្មោះឯកសារថ្មី។</translation>
    </message>
    <message>
        <source>The plain copy could not be written: %1</source>
        <translation>មិនអាចសរសេរច្បាប់ចម្លងមិនអ៊ិនគ្រីបបានទេ៖ %1</translation>
    </message>
    <message>
        <source>The database could not be opened with the recovery key.</source>
        <translation>មិនអាចបើកមូលដ្ឋានទិន្នន័យដោយកូនសោសង្គ្រោះបានទេ។</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>មិនអាចអានឯកសារបានទេ៖ %1</translation>
    </message>
    <message>
        <source>The file is too large for a directory (more than 10 MB).</source>
        <translation>ឯកសារធំពេកសម្រាប់បញ្ជីទំនាក់ទំនង (លើសពី 10 MB)។</translation>
    </message>
    <message>
        <source>Missing column(s): %1</source>
        <translation>ខ្វះជួរឈរ៖ %1</translation>
    </message>
    <message>
        <source>A directory file may hold at most %1 rows.</source>
        <translation>ឯកសារបញ្ជីទំនាក់ទំនងអាចមានច្រើនបំផុត %1 ជួរ។</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text. Save it as &apos;CSV UTF-8&apos;.</source>
        <translation>ឯកសារនេះមិនមែនជាអត្ថបទ UTF-8 ទេ។ សូមរក្សាទុកវាជា &apos;CSV UTF-8&apos;។</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>ឯកសារនេះទទេ។</translation>
    </message>
    <message>
        <source>The CSV text is malformed: %1</source>
        <translation>អត្ថបទ CSV មានទម្រង់មិនត្រឹមត្រូវ៖ %1</translation>
    </message>
    <message>
        <source>The file is not a readable XLSX workbook.</source>
        <translation>ឯកសារនេះមិនមែនជាសៀវភៅបញ្ជី XLSX ដែលអាចអានបានទេ។</translation>
    </message>
    <message>
        <source>The workbook has no sheet.</source>
        <translation>សៀវភៅបញ្ជីនេះគ្មានសន្លឹកទេ។</translation>
    </message>
    <message>
        <source>No incident %1.</source>
        <translation>គ្មានឧប្បត្តិហេតុ %1 ទេ។</translation>
    </message>
    <message>
        <source>The survivor has not consented to being referred to services. Only the chief can override this, giving a reason.</source>
        <translation>អ្នករួចផុតមិនទាន់យល់ព្រមឱ្យបញ្ជូនទៅសេវាទេ។ មានតែប្រធានប៉ុណ្ណោះដែលអាចសម្រេចជំនួស ដោយបញ្ជាក់មូលហេតុ។</translation>
    </message>
    <message>
        <source>The file holds no directory rows.</source>
        <translation>ឯកសារនេះគ្មានជួរបញ្ជីទំនាក់ទំនងទេ។</translation>
    </message>
    <message>
        <source>the same id is on line %1.</source>
        <translation>លេខសម្គាល់ដដែលនេះមាននៅបន្ទាត់ %1 ដែរ។</translation>
    </message>
    <message>
        <source>Only question marks: the Khmer letters were lost when the file was saved. In Excel use Save As, &apos;CSV UTF-8 (Comma delimited)&apos; (or save as XLSX), then import again.</source>
        <translation>មានតែសញ្ញាសួរ (?)៖ អក្សរខ្មែរត្រូវបានបាត់បង់ នៅពេលរក្សាទុកឯកសារ។ ក្នុង Excel សូមប្រើ Save As ហើយជ្រើស &apos;CSV UTF-8 (Comma delimited)&apos; (ឬរក្សាទុកជា XLSX) រួចនាំចូលម្ដងទៀត។</translation>
    </message>
    <message>
        <source>The incident date cannot be after the report date.</source>
        <translation>ថ្ងៃកើតហេតុមិនអាចនៅក្រោយថ្ងៃរាយការណ៍បានទេ។</translation>
    </message>
    <message>
        <source>This incident does not exist or has been deleted.</source>
        <translation>ឧប្បត្តិហេតុនេះមិនមាន ឬត្រូវបានលុបហើយ។</translation>
    </message>
    <message>
        <source>This referral does not exist or has been deleted.</source>
        <translation>ការបញ្ជូននេះមិនមាន ឬត្រូវបានលុបហើយ។</translation>
    </message>
    <message>
        <source>This meeting does not exist or has been deleted.</source>
        <translation>កិច្ចប្រជុំនេះមិនមាន ឬត្រូវបានលុបហើយ។</translation>
    </message>
    <message>
        <source>This directory entry does not exist.</source>
        <translation>ធាតុនេះមិនមានក្នុងបញ្ជីទំនាក់ទំនងទេ។</translation>
    </message>
    <message>
        <source>This action item does not exist.</source>
        <translation>សកម្មភាពត្រូវធ្វើនេះមិនមានទេ។</translation>
    </message>
    <message>
        <source>This date cannot be before the report date.</source>
        <translation>កាលបរិច្ឆេទនេះមិនអាចនៅមុនថ្ងៃរាយការណ៍បានទេ។</translation>
    </message>
    <message>
        <source>This date cannot be before the referral date.</source>
        <translation>កាលបរិច្ឆេទនេះមិនអាចនៅមុនថ្ងៃបញ្ជូនបានទេ។</translation>
    </message>
    <message>
        <source>This date cannot be before the meeting date.</source>
        <translation>កាលបរិច្ឆេទនេះមិនអាចនៅមុនថ្ងៃប្រជុំបានទេ។</translation>
    </message>
    <message>
        <source>Enter an age between 0 and 120.</source>
        <translation>សូមបញ្ចូលអាយុចន្លោះពី ០ ដល់ ១២០។</translation>
    </message>
    <message>
        <source>Choose a CCWC focal point of this office.</source>
        <translation>សូមជ្រើសរើសបុគ្គលបង្គោល គ.ក.ន.ក នៃការិយាល័យនេះ។</translation>
    </message>
    <message>
        <source>&apos;None&apos; cannot be combined with other actions.</source>
        <translation>«គ្មាន» មិនអាចជ្រើសរួមជាមួយវិធានការផ្សេងទៀតបានទេ។</translation>
    </message>
    <message>
        <source>Choose a village of this commune.</source>
        <translation>សូមជ្រើសភូមិមួយនៃឃុំ/សង្កាត់នេះ។</translation>
    </message>
    <message>
        <source>Set a follow-up date for a record in follow-up.</source>
        <translation>សូមកំណត់ថ្ងៃតាមដាន សម្រាប់កំណត់ត្រាដែលកំពុងតាមដាន។</translation>
    </message>
    <message>
        <source>This text is too long.</source>
        <translation>អត្ថបទនេះវែងពេក។</translation>
    </message>
    <message>
        <source>Give a reason (at least 5 characters).</source>
        <translation>សូមផ្ដល់ហេតុផល (យ៉ាងហោចណាស់ ៥ តួអក្សរ)។</translation>
    </message>
    <message>
        <source>Enter a number between 0 and 10000.</source>
        <translation>សូមបញ្ចូលចំនួនចន្លោះពី ០ ដល់ ១០០០០។</translation>
    </message>
    <message>
        <source>Each group can be counted only once.</source>
        <translation>ក្រុមនីមួយៗអាចរាប់បានតែម្ដងប៉ុណ្ណោះ។</translation>
    </message>
    <message>
        <source>This provider is no longer active.</source>
        <translation>អ្នកផ្ដល់សេវានេះលែងសកម្មហើយ។</translation>
    </message>
    <message>
        <source>This provider does not offer this service.</source>
        <translation>អ្នកផ្ដល់សេវានេះមិនផ្ដល់សេវានេះទេ។</translation>
    </message>
    <message>
        <source>This record does not exist.</source>
        <translation>កំណត់ត្រានេះមិនមានទេ។</translation>
    </message>
    <message>
        <source>Enter a date as YYYY-MM-DD.</source>
        <translation>សូមបញ្ចូលកាលបរិច្ឆេទជាទម្រង់ YYYY-MM-DD។</translation>
    </message>
    <message>
        <source>Enter a month as YYYY-MM.</source>
        <translation>សូមបញ្ចូលខែជាទម្រង់ YYYY-MM។</translation>
    </message>
    <message>
        <source>Enter the organisation&apos;s name in Khmer or in English.</source>
        <translation>សូមបញ្ចូលឈ្មោះស្ថាប័នជាភាសាខ្មែរ ឬភាសាអង់គ្លេស។</translation>
    </message>
    <message>
        <source>Enter a valid e-mail address.</source>
        <translation>សូមបញ្ចូលអាសយដ្ឋានអ៊ីមែលដែលត្រឹមត្រូវ។</translation>
    </message>
    <message>
        <source>Set the date of the outcome.</source>
        <translation>សូមកំណត់ថ្ងៃនៃលទ្ធផល។</translation>
    </message>
    <message>
        <source>Answer the questions in order until one is yes, or all six are no.</source>
        <translation>សូមឆ្លើយសំណួរតាមលំដាប់ រហូតដល់មួយណាឆ្លើយថា បាទ/ចាស ឬទាំងប្រាំមួយឆ្លើយថា ទេ។</translation>
    </message>
    <message>
        <source>A month can be approved only once it has begun.</source>
        <translation>ខែមួយអាចអនុម័តបាន លុះត្រាតែខែនោះបានចាប់ផ្ដើម។</translation>
    </message>
    <message>
        <source>A month can be approved only after its last day.</source>
        <translation>ខែមួយអាចអនុម័តបាន លុះត្រាតែក្រោយថ្ងៃចុងក្រោយនៃខែនោះ។</translation>
    </message>
    <message>
        <source>This month is already approved and its figures have not changed since.</source>
        <translation>ខែនេះត្រូវបានអនុម័តរួចហើយ ហើយតួលេខរបស់វាមិនបានផ្លាស់ប្ដូរទេតាំងពីពេលនោះ។</translation>
    </message>
    <message>
        <source>This month is not approved.</source>
        <translation>ខែនេះមិនទាន់អនុម័តទេ។</translation>
    </message>
    <message>
        <source>This provider has referrals; mark it inactive instead.</source>
        <translation>អ្នកផ្ដល់សេវានេះមានការបញ្ជូនហើយ៖ សូមកំណត់ជាអសកម្មជំនួសវិញ។</translation>
    </message>
    <message>
        <source>Enter a Cambodian phone number: 0 or +855, then 8 or 9 digits.</source>
        <translation>សូមបញ្ចូលលេខទូរស័ព្ទកម្ពុជា៖ 0 ឬ +855 បន្ទាប់មកលេខ ៨ ឬ ៩ ខ្ទង់។</translation>
    </message>
    <message>
        <source>Record at least one person who attended.</source>
        <translation>សូមកត់ត្រាអ្នកចូលរួមយ៉ាងហោចណាស់ម្នាក់។</translation>
    </message>
    <message>
        <source>Choose a user name of 1 to 64 characters.</source>
        <translation>សូមជ្រើសឈ្មោះអ្នកប្រើពី ១ ដល់ ៦៤ តួអក្សរ។</translation>
    </message>
    <message>
        <source>This user name is already taken.</source>
        <translation>ឈ្មោះអ្នកប្រើនេះមានគេប្រើរួចហើយ។</translation>
    </message>
    <message>
        <source>This role does not exist at this office level.</source>
        <translation>តួនាទីនេះមិនមាននៅកម្រិតការិយាល័យនេះទេ។</translation>
    </message>
    <message>
        <source>You cannot remove yourself.</source>
        <translation>អ្នកមិនអាចដកខ្លួនឯងចេញបានទេ។</translation>
    </message>
    <message>
        <source>No such active user in this office.</source>
        <translation>មិនមានអ្នកប្រើសកម្មនេះនៅក្នុងការិយាល័យនេះទេ។</translation>
    </message>
    <message>
        <source>Choose between %1 and %2 minutes.</source>
        <translation>សូមជ្រើសចន្លោះពី %1 ដល់ %2 នាទី។</translation>
    </message>
    <message>
        <source>Choose between %1 and %2 months.</source>
        <translation>សូមជ្រើសចន្លោះពី %1 ដល់ %2 ខែ។</translation>
    </message>
    <message>
        <source>Choose between %1 and %2 days.</source>
        <translation>សូមជ្រើសចន្លោះពី %1 ដល់ %2 ថ្ងៃ។</translation>
    </message>
    <message>
        <source>Choose between %1 and %2 years.</source>
        <translation>សូមជ្រើសចន្លោះពី %1 ដល់ %2 ឆ្នាំ។</translation>
    </message>
    <message>
        <source>Only an approved month can be exported: approve it first.</source>
        <translation>មានតែខែដែលបានអនុម័តប៉ុណ្ណោះដែលអាចនាំចេញបាន៖ សូមអនុម័តវាជាមុនសិន។</translation>
    </message>
    <message>
        <source>This office has no certificate yet: enrol with the office above first.</source>
        <translation>ការិយាល័យនេះមិនទាន់មានវិញ្ញាបនបត្រទេ៖ សូមចុះឈ្មោះជាមួយការិយាល័យថ្នាក់លើជាមុនសិន។</translation>
    </message>
    <message>
        <source>The password must have at least %1 characters.</source>
        <translation>ពាក្យសម្ងាត់ត្រូវមានយ៉ាងតិច %1 តួអក្សរ។</translation>
    </message>
    <message>
        <source>No such user.</source>
        <translation>មិនមានអ្នកប្រើនេះទេ។</translation>
    </message>
    <message>
        <source>The last user cannot be removed.</source>
        <translation>មិនអាចដកអ្នកប្រើចុងក្រោយចេញបានទេ។</translation>
    </message>
    <message>
        <source>Under 18: choose how her consent is given (guardian, trusted adult, best interests).</source>
        <translation>អាយុក្រោម ១៨ ឆ្នាំ៖ សូមជ្រើសរបៀបផ្ដល់ការយល់ព្រម (អាណាព្យាបាល មនុស្សពេញវ័យដែលគួរទុកចិត្ត ឧត្តមប្រយោជន៍កុមារ)។</translation>
    </message>
    <message>
        <source>Say why her guardian does not give the consent for this route.</source>
        <translation>សូមបញ្ជាក់ហេតុអ្វីអាណាព្យាបាលមិនផ្ដល់ការយល់ព្រម សម្រាប់របៀបនេះ។</translation>
    </message>
    <message>
        <source>Say who took the best-interests decision.</source>
        <translation>សូមបញ្ជាក់អ្នកដែលបានធ្វើសេចក្ដីសម្រេចដើម្បីឧត្តមប្រយោជន៍កុមារ។</translation>
    </message>
    <message>
        <source>Only a best-interests decision has someone who took it.</source>
        <translation>មានតែសេចក្ដីសម្រេចដើម្បីឧត្តមប្រយោជន៍កុមារទេ ដែលមានអ្នកសម្រេច។</translation>
    </message>
    <message>
        <source>Her guardian consents: no reason is needed, clear it.</source>
        <translation>អាណាព្យាបាលយល់ព្រម៖ មិនត្រូវការហេតុផលទេ សូមលុបវាចេញ។</translation>
    </message>
    <message>
        <source>A child survivor must be offered a referral to child protection: answer.</source>
        <translation>ជនរងគ្រោះជាកុមារត្រូវតែបានផ្ដល់ការបញ្ជូនទៅសេវាការពារកុមារ៖ សូមឆ្លើយ។</translation>
    </message>
    <message>
        <source>Say why it was not reported to the police or the prosecutor.</source>
        <translation>សូមបញ្ជាក់ហេតុអ្វីមិនបានរាយការណ៍ទៅនគរបាល ឬព្រះរាជអាជ្ញា។</translation>
    </message>
    <message>
        <source>Give the date of the decision.</source>
        <translation>សូមផ្ដល់កាលបរិច្ឆេទនៃសេចក្ដីសម្រេច។</translation>
    </message>
    <message>
        <source>Tick at least one measure of the decision.</source>
        <translation>សូមគូសវិធានការយ៉ាងហោចណាស់មួយនៃសេចក្ដីសម្រេច។</translation>
    </message>
    <message>
        <source>The decision cannot be dated before the incident.</source>
        <translation>សេចក្ដីសម្រេចមិនអាចមានកាលបរិច្ឆេទមុនថ្ងៃកើតហេតុបានទេ។</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Discard the changes made in this form?</source>
        <translation>បោះបង់ការផ្លាស់ប្ដូរដែលបានធ្វើក្នុងទម្រង់នេះឬ?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>បោះបង់ការផ្លាស់ប្ដូរ</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Use the recovery key</source>
        <translation>ប្រើកូនសោសង្គ្រោះ</translation>
    </message>
    <message>
        <source>Type the recovery key printed when the office was set up, choose the user and give them a new password.</source>
        <translation>សូមវាយកូនសោសង្គ្រោះដែលបានបោះពុម្ពនៅពេលរៀបចំការិយាល័យ ជ្រើសអ្នកប្រើ ហើយផ្ដល់ពាក្យសម្ងាត់ថ្មីឱ្យគាត់។</translation>
    </message>
    <message>
        <source>Recovery key:</source>
        <translation>កូនសោសង្គ្រោះ៖</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>អ្នកប្រើ៖</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>ពាក្យសម្ងាត់ថ្មី៖</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>ពាក្យសម្ងាត់ថ្មីម្ដងទៀត៖</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>ដោះសោ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Type the recovery key.</source>
        <translation>សូមវាយកូនសោសង្គ្រោះ។</translation>
    </message>
    <message>
        <source>The recovery key is not correct.</source>
        <translation>កូនសោសង្គ្រោះមិនត្រឹមត្រូវទេ។</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <source>The recovery key</source>
        <translation>កូនសោសង្គ្រោះ</translation>
    </message>
    <message>
        <source>It is shown only this once.</source>
        <translation>វាត្រូវបានបង្ហាញតែម្ដងនេះប៉ុណ្ណោះ។</translation>
    </message>
    <message>
        <source>If every password is forgotten, this key is the only way to open the office&apos;s records. Print it or write it down now.</source>
        <translation>ប្រសិនបើភ្លេចពាក្យសម្ងាត់ទាំងអស់ កូនសោនេះគឺជាមធ្យោបាយតែមួយគត់ដើម្បីបើកកំណត់ត្រារបស់ការិយាល័យ។ សូមបោះពុម្ព ឬសរសេរវាទុកឥឡូវនេះ។</translation>
    </message>
    <message>
        <source>Keep the paper in a sealed envelope in a locked place, away from this computer. Anyone who has the key can open the records.</source>
        <translation>សូមទុកក្រដាសនេះក្នុងស្រោមសំបុត្របិទជិត នៅកន្លែងដែលចាក់សោ ឆ្ងាយពីកុំព្យូទ័រនេះ។ អ្នកណាដែលមានកូនសោនេះ អាចបើកកំណត់ត្រាបាន។</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>បោះពុម្ព…</translation>
    </message>
    <message>
        <source>I have printed or written down the recovery key and stored it safely.</source>
        <translation>ខ្ញុំបានបោះពុម្ព ឬសរសេរកូនសោសង្គ្រោះទុក ហើយបានរក្សាវាទុកដោយសុវត្ថិភាព។</translation>
    </message>
    <message>
        <source>SHSC Desktop – recovery key</source>
        <translation>SHSC Desktop – កូនសោសង្គ្រោះ</translation>
    </message>
    <message>
        <source>Office: %1 (code %2)</source>
        <translation>ការិយាល័យ៖ %1 (លេខកូដ %2)</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>កាលបរិច្ឆេទ៖ %1</translation>
    </message>
    <message>
        <source>Office key fingerprint: %1</source>
        <translation>ស្នាមម្រាមដៃកូនសោការិយាល័យ៖ %1</translation>
    </message>
    <message>
        <source>If the app ever shows another fingerprint, the office&apos;s keys were replaced: call the district.</source>
        <translation>ប្រសិនបើកម្មវិធីបង្ហាញស្នាមម្រាមដៃផ្សេង កូនសោរបស់ការិយាល័យត្រូវបានជំនួស៖ សូមទូរស័ព្ទទៅខណ្ឌ/ស្រុក។</translation>
    </message>
    <message>
        <source>Print the recovery key</source>
        <translation>បោះពុម្ពកូនសោសង្គ្រោះ</translation>
    </message>
</context>
<context>
    <name>ReferralForm</name>
    <message>
        <source>New referral</source>
        <translation>ការបញ្ជូនថ្មី</translation>
    </message>
    <message>
        <source>Incident:</source>
        <translation>ឧប្បត្តិហេតុ៖</translation>
    </message>
    <message>
        <source>Service needed:</source>
        <translation>សេវាដែលត្រូវការ៖</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>អ្នកផ្ដល់សេវា៖</translation>
    </message>
    <message>
        <source>Urgency:</source>
        <translation>ភាពបន្ទាន់៖</translation>
    </message>
    <message>
        <source>How she is referred:</source>
        <translation>របៀបបញ្ជូន៖</translation>
    </message>
    <message>
        <source>Date referred:</source>
        <translation>ថ្ងៃបញ្ជូន៖</translation>
    </message>
    <message>
        <source>Follow-up date:</source>
        <translation>ថ្ងៃតាមដាន៖</translation>
    </message>
    <message>
        <source>No active provider in the directory offers this service. Add one under Contacts.</source>
        <translation>គ្មានអ្នកផ្ដល់សេវាសកម្មណាមួយក្នុងបញ្ជីផ្ដល់សេវានេះទេ។ សូមបន្ថែមនៅផ្នែកទំនាក់ទំនង។</translation>
    </message>
    <message>
        <source>She has agreed to be referred to services.</source>
        <translation>នាងបានយល់ព្រមឱ្យបញ្ជូនទៅសេវា។</translation>
    </message>
    <message>
        <source>She has not agreed to be referred to services (%1). A referral will be refused unless the chief overrides it with a reason.</source>
        <translation>នាងមិនទាន់យល់ព្រមឱ្យបញ្ជូនទៅសេវាទេ (%1)។ ការបញ្ជូននឹងត្រូវបដិសេធ លុះត្រាតែមេឃុំ/ចៅសង្កាត់សម្រេចលើសដោយមានហេតុផល។</translation>
    </message>
    <message>
        <source>Refer</source>
        <translation>បញ្ជូន</translation>
    </message>
    <message>
        <source>Override with reason…</source>
        <translation>សម្រេចលើសដោយមានហេតុផល…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Override consent</source>
        <translation>សម្រេចលើសការយល់ព្រម</translation>
    </message>
    <message>
        <source>She has not agreed to this referral. Overriding her choice is recorded in the audit log with your name and reason. Why is the referral needed anyway?</source>
        <translation>នាងមិនបានយល់ព្រមចំពោះការបញ្ជូននេះទេ។ ការសម្រេចលើសជម្រើសរបស់នាង ត្រូវកត់ត្រាក្នុងកំណត់ហេតុសវនកម្ម ជាមួយឈ្មោះ និងហេតុផលរបស់អ្នក។ ហេតុអ្វីបានជាត្រូវការបញ្ជូន?</translation>
    </message>
    <message>
        <source>Override and refer</source>
        <translation>សម្រេចលើស ហើយបញ្ជូន</translation>
    </message>
</context>
<context>
    <name>ReferralTableModel</name>
    <message>
        <source>Referred</source>
        <translation>ថ្ងៃបញ្ជូន</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>ឧប្បត្តិហេតុ</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>សេវា</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>អ្នកផ្ដល់សេវា</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>ភាពបន្ទាន់</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>ការឆ្លើយតប</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>លទ្ធផល</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>តាមដាន</translation>
    </message>
</context>
<context>
    <name>ReferralUpdateDialog</name>
    <message>
        <source>Referral of %1 for %2</source>
        <translation>ការបញ្ជូន %1 សម្រាប់ %2</translation>
    </message>
    <message>
        <source>Response:</source>
        <translation>ការឆ្លើយតប៖</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>លទ្ធផល៖</translation>
    </message>
    <message>
        <source>Date of the outcome:</source>
        <translation>ថ្ងៃនៃលទ្ធផល៖</translation>
    </message>
    <message>
        <source>Next follow-up:</source>
        <translation>ការតាមដានបន្ទាប់៖</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>រក្សាទុក</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
</context>
<context>
    <name>ReferralsPage</name>
    <message>
        <source>Referrals</source>
        <translation>ការបញ្ជូន</translation>
    </message>
    <message>
        <source>Referrals of one incident</source>
        <translation>ការបញ្ជូននៃឧប្បត្តិហេតុមួយ</translation>
    </message>
    <message>
        <source>Incident code, e.g. KH-120101-202501-0001</source>
        <translation>លេខកូដឧប្បត្តិហេតុ ឧ. KH-120101-202501-0001</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>បង្ហាញ</translation>
    </message>
    <message>
        <source>New referral…</source>
        <translation>ការបញ្ជូនថ្មី…</translation>
    </message>
    <message>
        <source>Response and outcome…</source>
        <translation>ការឆ្លើយតប និងលទ្ធផល…</translation>
    </message>
    <message>
        <source>Follow-ups due / overdue</source>
        <translation>ការតាមដានដល់ពេល / ហួសកំណត់</translation>
    </message>
    <message>
        <source>Include the next 7 days</source>
        <translation>រួមទាំង ៧ ថ្ងៃខាងមុខ</translation>
    </message>
    <message>
        <source>Print slip…</source>
        <translation>បោះពុម្ពប័ណ្ណបញ្ជូន…</translation>
    </message>
    <message>
        <source>All referrals</source>
        <translation>ការបញ្ជូនទាំងអស់</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>ដល់ពេលតាមដាន</translation>
    </message>
    <message>
        <source>All months</source>
        <translation>គ្រប់ខែ</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>សេវាទាំងអស់</translation>
    </message>
    <message>
        <source>All responses</source>
        <translation>ការឆ្លើយតបទាំងអស់</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>លទ្ធផលទាំងអស់</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>បង្ហាញ %1 ក្នុងចំណោម %2</translation>
    </message>
    <message numerus="yes">
        <source>%n referral(s)</source>
        <translation>
            <numerusform>ការបញ្ជូនចំនួន %n</numerusform>
            <numerusform>ការបញ្ជូនចំនួន %n</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 due, %2 overdue</source>
        <translation>ដល់ពេល %1 ហួសកំណត់ %2</translation>
    </message>
    <message>
        <source>Type an incident code, or choose a follow-up below.</source>
        <translation>វាយលេខកូដឧប្បត្តិហេតុ ឬជ្រើសការតាមដាននៅខាងក្រោម។</translation>
    </message>
    <message>
        <source>%1 · survivor %2 · %3 · consent to services: %4</source>
        <translation>%1 · ជនរងគ្រោះ %2 · %3 · យល់ព្រមឱ្យបញ្ជូន៖ %4</translation>
    </message>
</context>
<context>
    <name>RegisterHomePage</name>
    <message>
        <source>Home</source>
        <translation>ទំព័រដើម</translation>
    </message>
    <message>
        <source>%1, %2 (code %3)</source>
        <translation>%1, %2 (លេខកូដ %3)</translation>
    </message>
    <message>
        <source>%1 by %2. Case work since then has changed its figures: prints and the bundle still show revision %3 until you approve a revision.</source>
        <translation>%1 ដោយ %2។ ការងារករណីតាំងពីពេលនោះបានផ្លាស់ប្ដូរតួលេខ៖ ការបោះពុម្ព និងកញ្ចប់នៅតែបង្ហាញកំណែទី %3 រហូតដល់អ្នកអនុម័តកំណែថ្មី។</translation>
    </message>
    <message>
        <source>%1 by %2. Its figures are kept as approved; case work goes on.</source>
        <translation>%1 ដោយ %2។ តួលេខរបស់ខែត្រូវបានរក្សាទុកដូចដែលបានអនុម័ត ការងារករណីនៅតែបន្ត។</translation>
    </message>
    <message>
        <source>Approve this month…</source>
        <translation>អនុម័តខែនេះ…</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>បើកឡើងវិញ…</translation>
    </message>
    <message>
        <source>Lock the office with Ctrl+L when you leave the computer; Ctrl+Shift+H hides everything at once.</source>
        <translation>ចាក់សោការិយាល័យដោយ Ctrl+L ពេលអ្នកចាកចេញពីកុំព្យូទ័រ។ Ctrl+Shift+H លាក់អ្វីៗទាំងអស់ភ្លាមៗ។</translation>
    </message>
    <message>
        <source>Reopen the month, correct it, approve it again and send the new revision.</source>
        <translation>សូមបើកខែឡើងវិញ កែតម្រូវ អនុម័តម្ដងទៀត ហើយផ្ញើកំណែថ្មី។</translation>
    </message>
    <message>
        <source>This month (%1)</source>
        <translation>ខែនេះ (%1)</translation>
    </message>
    <message>
        <source>incidents reported</source>
        <translation>ឧប្បត្តិហេតុដែលបានរាយការណ៍</translation>
    </message>
    <message>
        <source>of them intimate partner violence</source>
        <translation>ក្នុងនោះ អំពើហិង្សាដោយដៃគូ</translation>
    </message>
    <message>
        <source>referrals made</source>
        <translation>ការបញ្ជូនដែលបានធ្វើ</translation>
    </message>
    <message>
        <source>meetings held</source>
        <translation>កិច្ចប្រជុំដែលបានធ្វើ</translation>
    </message>
    <message>
        <source>follow-ups due today or overdue (%1 overdue)</source>
        <translation>ការតាមដានដល់ពេលថ្ងៃនេះ ឬហួសកំណត់ (ហួសកំណត់ %1)</translation>
    </message>
    <message>
        <source>open action items from meetings (%1 overdue)</source>
        <translation>ចំណុចសកម្មភាពពីកិច្ចប្រជុំមិនទាន់រួច (ហួសកំណត់ %1)</translation>
    </message>
    <message>
        <source>Approval of %1</source>
        <translation>ការអនុម័តខែ %1</translation>
    </message>
    <message>
        <source>Approve a revision…</source>
        <translation>អនុម័តកំណែថ្មី…</translation>
    </message>
    <message>
        <source>Approve %1? Its figures will be kept as approved for every print and bundle, and its records locked against corrections (case work goes on). You can reopen the month later, giving a reason.</source>
        <translation>អនុម័ត %1? តួលេខរបស់ខែនឹងត្រូវរក្សាទុកដូចដែលបានអនុម័ត សម្រាប់ការបោះពុម្ព និងកញ្ចប់ទាំងអស់ ហើយកំណត់ត្រារបស់ខែត្រូវចាក់សោមិនឱ្យកែ (ការងារករណីនៅតែបន្ត)។ អ្នកអាចបើកខែនេះឡើងវិញនៅពេលក្រោយ ដោយផ្ដល់មូលហេតុ។</translation>
    </message>
    <message>
        <source>%1: records of this month can still be added and changed.</source>
        <translation>%1៖ កំណត់ត្រានៃខែនេះនៅតែអាចបន្ថែម និងកែប្រែបាន។</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>អនុម័ត</translation>
    </message>
    <message>
        <source>%1 has been approved.</source>
        <translation>ខែ %1 ត្រូវបានអនុម័ត។</translation>
    </message>
    <message>
        <source>Reopen the month</source>
        <translation>បើកខែឡើងវិញ</translation>
    </message>
    <message>
        <source>Why does %1 need to be reopened? The reason is kept in the audit log.</source>
        <translation>ហេតុអ្វីបានជាត្រូវបើកខែ %1 ឡើងវិញ? ហេតុផលត្រូវរក្សាទុកក្នុងកំណត់ហេតុសវនកម្ម។</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>បើកឡើងវិញ</translation>
    </message>
    <message>
        <source>%1 has been reopened.</source>
        <translation>ខែ %1 ត្រូវបានបើកឡើងវិញ។</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>The month at a glance</source>
        <translation>សេចក្ដីសង្ខេបប្រចាំខែ</translation>
    </message>
    <message>
        <source>Incidents by type of violence and age of survivor</source>
        <translation>ករណីតាមប្រភេទអំពើហិង្សា និងអាយុជនរងគ្រោះ</translation>
    </message>
    <message>
        <source>Alleged perpetrator&apos;s relationship to the survivor</source>
        <translation>ទំនាក់ទំនងរបស់ជនល្មើសជាមួយជនរងគ្រោះ</translation>
    </message>
    <message>
        <source>Referrals by service and response</source>
        <translation>ការបញ្ជូនតាមសេវា និងការឆ្លើយតប</translation>
    </message>
    <message>
        <source>Actions taken by the commune</source>
        <translation>សកម្មភាពដែលឃុំ/សង្កាត់បានធ្វើ</translation>
    </message>
    <message>
        <source>Meeting attendance by group and sex</source>
        <translation>អ្នកចូលរួមកិច្ចប្រជុំតាមក្រុម និងភេទ</translation>
    </message>
    <message>
        <source>Data quality</source>
        <translation>គុណភាពទិន្នន័យ</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>សូចនាករ</translation>
    </message>
    <message>
        <source>Type of violence</source>
        <translation>ប្រភេទអំពើហិង្សា</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>ទំនាក់ទំនង</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>សេវា</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>សកម្មភាព</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>ក្រុម</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>ការត្រួតពិនិត្យ</translation>
    </message>
    <message>
        <source>Monthly summary</source>
        <translation>របាយការណ៍សង្ខេបប្រចាំខែ</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>ខែ៖</translation>
    </message>
    <message>
        <source>Language of the PDF:</source>
        <translation>ភាសារបស់ PDF៖</translation>
    </message>
    <message>
        <source>Copy for sharing outside the commune (hide counts below 5)</source>
        <translation>ច្បាប់ចម្លងសម្រាប់ចែករំលែកក្រៅឃុំ/សង្កាត់ (លាក់ចំនួនតិចជាង ៥)</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>រក្សាទុកជា PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>បោះពុម្ព…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Approve a revision…</source>
        <translation>អនុម័តកំណែថ្មី…</translation>
    </message>
    <message>
        <source>Your role does not allow reports. Ask the chief of the office.</source>
        <translation>តួនាទីរបស់អ្នកមិនអនុញ្ញាតឱ្យមើលរបាយការណ៍ទេ។ សូមសួរមេឃុំ/ចៅសង្កាត់។</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>កំពុងរាប់…</translation>
    </message>
    <message>
        <source>A new revision of %1 has been approved.</source>
        <translation>កំណែថ្មីនៃ %1 ត្រូវបានអនុម័តហើយ។</translation>
    </message>
    <message>
        <source>Approve the current figures of %1 as a new revision? Prints and the next bundle will use them, marked as a revision.</source>
        <translation>អនុម័តតួលេខបច្ចុប្បន្ននៃ %1 ជាកំណែថ្មី? ការបោះពុម្ព និងកញ្ចប់បន្ទាប់នឹងប្រើតួលេខទាំងនេះ ដោយសម្គាល់ថាជាកំណែថ្មី។</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>អនុម័ត</translation>
    </message>
    <message>
        <source>Month status: %1</source>
        <translation>ស្ថានភាពខែ៖ %1</translation>
    </message>
    <message>
        <source>Approved figures, revision %1.</source>
        <translation>តួលេខដែលបានអនុម័ត កំណែទី %1។</translation>
    </message>
    <message numerus="yes">
        <source>%n figures changed by case work since approval. Prints and the bundle keep the approved revision until the chief approves a revision.</source>
        <translation>
            <numerusform>តួលេខចំនួន %n បានផ្លាស់ប្ដូរដោយការងារករណី តាំងពីការអនុម័ត។ ការបោះពុម្ព និងកញ្ចប់រក្សាកំណែដែលបានអនុម័ត រហូតដល់មេឃុំអនុម័តកំណែថ្មី។</numerusform>
            <numerusform>តួលេខចំនួន %n បានផ្លាស់ប្ដូរដោយការងារករណី តាំងពីការអនុម័ត។ ការបោះពុម្ព និងកញ្ចប់រក្សាកំណែដែលបានអនុម័ត រហូតដល់មេឃុំអនុម័តកំណែថ្មី។</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n incidents without the survivor&apos;s consent to reporting are not counted.</source>
        <translation>
            <numerusform>ករណីចំនួន %n ដែលជនរងគ្រោះមិនយល់ព្រមឱ្យរាយការណ៍ មិនត្រូវបានរាប់បញ្ចូលទេ។</numerusform>
            <numerusform>ករណីចំនួន %n ដែលជនរងគ្រោះមិនយល់ព្រមឱ្យរាយការណ៍ មិនត្រូវបានរាប់បញ្ចូលទេ។</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n pages to the printer.</source>
        <translation>
            <numerusform>បានផ្ញើ %n ទំព័រទៅម៉ាស៊ីនបោះពុម្ព។</numerusform>
            <numerusform>បានផ្ញើ %n ទំព័រទៅម៉ាស៊ីនបោះពុម្ព។</numerusform>
        </translation>
    </message>
    <message>
        <source>Nil report: no incidents were reported this month. This is a complete report.</source>
        <translation>របាយការណ៍គ្មានករណី៖ ខែនេះមិនមានករណីត្រូវបានរាយការណ៍ទេ។ នេះជារបាយការណ៍ពេញលេញ។</translation>
    </message>
    <message>
        <source>Shared copy: counts below 5 are shown as &lt;5, x hides a count that a total would reveal, and · marks the tables left out because they would reveal a count below 5.</source>
        <translation>ច្បាប់ចម្លងសម្រាប់ចែករំលែក៖ ចំនួនតិចជាង ៥ បង្ហាញជា &lt;5 x លាក់ចំនួនមួយដែលចំនួនសរុបអាចបង្ហាញ ហើយ · សម្គាល់តារាងដែលមិនបង្ហាញ ព្រោះវានឹងបង្ហាញចំនួនតិចជាង ៥។</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>សរុប</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>ចំនួន</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was written or printed.</source>
        <translation>បានបោះបង់។ គ្មានអ្វីត្រូវបានសរសេរ ឬបោះពុម្ពទេ។</translation>
    </message>
    <message>
        <source>Save the monthly summary as PDF</source>
        <translation>រក្សាទុករបាយការណ៍សង្ខេបប្រចាំខែជា PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>ឯកសារ PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>បានរក្សាទុក៖ %1</translation>
    </message>
    <message>
        <source>Print the monthly summary</source>
        <translation>បោះពុម្ពរបាយការណ៍សង្ខេបប្រចាំខែ</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>កំណត់ពាក្យសម្ងាត់ឡើងវិញ</translation>
    </message>
    <message>
        <source>Set a temporary password for %1. They must change it when they next sign in.</source>
        <translation>កំណត់ពាក្យសម្ងាត់បណ្ដោះអាសន្នសម្រាប់ %1។ គាត់ត្រូវប្ដូរវានៅពេលចូលលើកក្រោយ។</translation>
    </message>
    <message>
        <source>Temporary password:</source>
        <translation>ពាក្យសម្ងាត់បណ្ដោះអាសន្ន៖</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>ពាក្យសម្ងាត់ម្ដងទៀត៖</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
</context>
<context>
    <name>SettingsPart</name>
    <message>
        <source>Perpetrators&apos; names:</source>
        <translation>ឈ្មោះជនល្មើស៖</translation>
    </message>
    <message>
        <source>Record them</source>
        <translation>កត់ត្រាទុក</translation>
    </message>
    <message>
        <source>Keep identities of closed cases:</source>
        <translation>រក្សាអត្តសញ្ញាណករណីបិទ៖</translation>
    </message>
    <message>
        <source>always</source>
        <translation>ជានិច្ច</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>រក្សាទុក</translation>
    </message>
    <message>
        <source>Lock after inactivity:</source>
        <translation>ចាក់សោ បន្ទាប់ពីមិនប្រើ៖</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>ភាសា៖</translation>
    </message>
    <message>
        <source>Survivors&apos; identifying details are kept until a record is deleted.</source>
        <translation>ព័ត៌មានអត្តសញ្ញាណរបស់ជនរងគ្រោះត្រូវរក្សាទុក រហូតដល់កំណត់ត្រាត្រូវបានលុប។</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>SHSC Desktop – setup</source>
        <translation>SHSC Desktop – ការរៀបចំ</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>បន្ទាប់</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>ថយក្រោយ</translation>
    </message>
    <message>
        <source>Create the office</source>
        <translation>បង្កើតការិយាល័យ</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>បញ្ចប់</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
</context>
<context>
    <name>SlipDialog</name>
    <message>
        <source>Print referral slip</source>
        <translation>បោះពុម្ពប័ណ្ណបញ្ជូន</translation>
    </message>
    <message>
        <source>For the service provider</source>
        <translation>សម្រាប់អ្នកផ្ដល់សេវា</translation>
    </message>
    <message>
        <source>For the survivor to carry</source>
        <translation>សម្រាប់ជនរងគ្រោះយកទៅជាមួយ</translation>
    </message>
    <message>
        <source>Slip:</source>
        <translation>ប័ណ្ណ៖</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>ភាសា៖</translation>
    </message>
    <message>
        <source>Details that name her</source>
        <translation>ព័ត៌មានដែលបង្ហាញអត្តសញ្ញាណគាត់</translation>
    </message>
    <message>
        <source>Tick only what she agreed to have on the slip. The account of what happened is never printed.</source>
        <translation>សូមធីកតែព័ត៌មានដែលគាត់យល់ព្រមឱ្យមាននៅលើប័ណ្ណ។ ការរៀបរាប់អំពីហេតុការណ៍មិនត្រូវបានបោះពុម្ពឡើយ។</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ឈ្មោះ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>ទូរស័ព្ទ</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>អាសយដ្ឋាន</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>ថ្ងៃខែឆ្នាំកំណើត</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>រក្សាទុកជា PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>បោះពុម្ព…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>បិទ</translation>
    </message>
    <message>
        <source>She has not agreed to this referral and the chief has not overridden it: no slip can be printed.</source>
        <translation>គាត់មិនបានយល់ព្រមនឹងការបញ្ជូននេះទេ ហើយមេឃុំ/ចៅសង្កាត់មិនបានសម្រេចបដិសេធការមិនយល់ព្រមនោះទេ៖ មិនអាចបោះពុម្ពប័ណ្ណបានទេ។</translation>
    </message>
    <message>
        <source>Save the referral slip as PDF</source>
        <translation>រក្សាទុកប័ណ្ណបញ្ជូនជា PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>ឯកសារ PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>បានរក្សាទុក៖ %1</translation>
    </message>
    <message>
        <source>The slip was sent to the printer.</source>
        <translation>ប័ណ្ណត្រូវបានផ្ញើទៅម៉ាស៊ីនបោះពុម្ព។</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <source>Month:</source>
        <translation>ខែ៖</translation>
    </message>
    <message>
        <source>Print district summary…</source>
        <translation>បោះពុម្ពរបាយការណ៍សង្ខេបខណ្ឌ…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>រក្សាទុកជា PDF…</translation>
    </message>
    <message>
        <source>Export tables (XLSX)…</source>
        <translation>នាំចេញតារាង (XLSX)…</translation>
    </message>
    <message>
        <source>Exact counts, for this office only. The printed summary and the exported tables hide numbers from 1 to 4 (shown as &lt;5).</source>
        <translation>ចំនួនពិតប្រាកដ សម្រាប់តែការិយាល័យនេះប៉ុណ្ណោះ។ របាយការណ៍សង្ខេបដែលបោះពុម្ព និងតារាងដែលនាំចេញ លាក់ចំនួនពី ១ ដល់ ៤ (បង្ហាញជា &lt;5)។</translation>
    </message>
    <message>
        <source>The month at a glance</source>
        <translation>សេចក្ដីសង្ខេបប្រចាំខែ</translation>
    </message>
    <message>
        <source>By office: incidents by type of violence</source>
        <translation>តាមការិយាល័យ៖ ករណីតាមប្រភេទអំពើហិង្សា</translation>
    </message>
    <message>
        <source>All tables</source>
        <translation>តារាងទាំងអស់</translation>
    </message>
    <message>
        <source>Reports received: %1 of %2 (nil reports: %3). Missing: %4</source>
        <translation>របាយការណ៍ដែលបានទទួល៖ %1 ក្នុងចំណោម %2 (គ្មានករណី៖ %3)។ ខ្វះ៖ %4</translation>
    </message>
    <message>
        <source>Incidents by type of violence</source>
        <translation>ករណីតាមប្រភេទអំពើហិង្សា</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>របាយការណ៍</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>ករណី</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>បានទទួល</translation>
    </message>
    <message>
        <source>Nil report</source>
        <translation>របាយការណ៍គ្មានករណី</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>ខ្វះ</translation>
    </message>
    <message>
        <source>Not enrolled</source>
        <translation>មិនទាន់ចុះឈ្មោះ</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>ចំនួន</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>សរុប</translation>
    </message>
    <message>
        <source>Save the district summary</source>
        <translation>រក្សាទុករបាយការណ៍សង្ខេបខណ្ឌ</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>ឯកសារ PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Print the district summary</source>
        <translation>បោះពុម្ពរបាយការណ៍សង្ខេបខណ្ឌ</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n pages to the printer.</source>
        <translation>
            <numerusform>បានផ្ញើ %n ទំព័រទៅម៉ាស៊ីនបោះពុម្ព។</numerusform>
            <numerusform>បានផ្ញើ %n ទំព័រទៅម៉ាស៊ីនបោះពុម្ព។</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the tables</source>
        <translation>រក្សាទុកតារាង</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>ឯកសារ Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Written (numbers below 5 hidden): %1</source>
        <translation>បានសរសេរ (ចំនួនតិចជាង ៥ ត្រូវបានលាក់)៖ %1</translation>
    </message>
    <message>
        <source>Print national summary…</source>
        <translation>បោះពុម្ពរបាយការណ៍សង្ខេបថ្នាក់ជាតិ…</translation>
    </message>
    <message>
        <source>Save the national summary</source>
        <translation>រក្សាទុករបាយការណ៍សង្ខេបថ្នាក់ជាតិ</translation>
    </message>
    <message>
        <source>Print the national summary</source>
        <translation>បោះពុម្ពរបាយការណ៍សង្ខេបថ្នាក់ជាតិ</translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <source>SHSC Desktop – sign in</source>
        <translation>SHSC Desktop – ចូលប្រើ</translation>
    </message>
    <message>
        <source>SHSC Desktop</source>
        <translation>SHSC Desktop</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>អ្នកប្រើ៖</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>ពាក្យសម្ងាត់៖</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>ដោះសោ</translation>
    </message>
    <message>
        <source>Forgot password? Use the recovery key</source>
        <translation>ភ្លេចពាក្យសម្ងាត់? ប្រើកូនសោសង្គ្រោះ</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>ស្ដារពីច្បាប់បម្រុងទុក…</translation>
    </message>
    <message>
        <source>Continue without the lost entries (chief)</source>
        <translation>បន្តដោយគ្មានធាតុដែលបាត់ (ប្រធាន)</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>ភាសា៖</translation>
    </message>
    <message>
        <source>Demo office with synthetic records. Accounts (user / password): %1</source>
        <translation>ការិយាល័យសាកល្បងដែលមានកំណត់ត្រាសិប្បនិម្មិត។ គណនី (អ្នកប្រើ / ពាក្យសម្ងាត់)៖ %1</translation>
    </message>
    <message>
        <source>To continue without the lost entries, type your password again, then press the button below.</source>
        <translation>ដើម្បីបន្តដោយគ្មានធាតុដែលបាត់ សូមវាយពាក្យសម្ងាត់របស់អ្នកម្ដងទៀត រួចចុចប៊ូតុងខាងក្រោម។</translation>
    </message>
    <message>
        <source>Only the chief can decide to continue without the lost entries. Call the chief to sign in here, or restore the newest backup.</source>
        <translation>មានតែប្រធានទេដែលអាចសម្រេចបន្តដោយគ្មានធាតុដែលបាត់។ សូមហៅប្រធានឱ្យចូលនៅទីនេះ ឬស្ដារពីច្បាប់បម្រុងទុកថ្មីបំផុត។</translation>
    </message>
    <message>
        <source>Type your password again to confirm that you continue.</source>
        <translation>សូមវាយពាក្យសម្ងាត់របស់អ្នកម្ដងទៀត ដើម្បីបញ្ជាក់ថាអ្នកបន្ត។</translation>
    </message>
    <message>
        <source>Continue with the records that are left? The lost changes cannot be recovered without a backup. This decision is recorded in the audit log under your name.</source>
        <translation>បន្តជាមួយកំណត់ត្រាដែលនៅសល់ឬ? ការផ្លាស់ប្ដូរដែលបាត់ មិនអាចយកមកវិញបានទេ បើគ្មានច្បាប់បម្រុងទុក។ ការសម្រេចនេះត្រូវបានកត់ត្រាក្នុងកំណត់ហេតុសវនកម្ម ក្រោមឈ្មោះរបស់អ្នក។</translation>
    </message>
    <message>
        <source>Continue without them</source>
        <translation>បន្តដោយគ្មានធាតុទាំងនោះ</translation>
    </message>
    <message>
        <source>Choose the backup file</source>
        <translation>ជ្រើសឯកសារបម្រុងទុក</translation>
    </message>
    <message>
        <source>SHSC Desktop backups (*.shscbak)</source>
        <translation>ច្បាប់បម្រុងទុក SHSC Desktop (*.shscbak)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>ឯកសារទាំងអស់ (*)</translation>
    </message>
    <message>
        <source>Restore this older backup anyway?</source>
        <translation>តើនៅតែស្ដារច្បាប់បម្រុងទុកចាស់នេះឬ?</translation>
    </message>
    <message>
        <source>Restore anyway</source>
        <translation>នៅតែស្ដារ</translation>
    </message>
    <message>
        <source>The key files of the office on this computer cannot be read, so nobody can check that this backup is of the same office. Replace whatever is on this computer with the backup? Its files are kept in a folder next to the data.</source>
        <translation>មិនអាចអានឯកសារកូនសោរបស់ការិយាល័យនៅលើកុំព្យូទ័រនេះបានទេ ដូច្នេះគ្មាននរណាអាចពិនិត្យថាច្បាប់បម្រុងទុកនេះជារបស់ការិយាល័យដដែលបានទេ។ ជំនួសអ្វីៗនៅលើកុំព្យូទ័រនេះដោយច្បាប់បម្រុងទុកឬ? ឯកសាររបស់វានឹងត្រូវរក្សាទុកក្នុងថតមួយនៅក្បែរទិន្នន័យ។</translation>
    </message>
    <message>
        <source>This backup belongs to another office: %1. The office on this computer is %2. Replace the office on this computer with the other one? Its files are kept in a folder next to the data.</source>
        <translation>ច្បាប់បម្រុងទុកនេះជារបស់ការិយាល័យផ្សេង៖ %1។ ការិយាល័យនៅលើកុំព្យូទ័រនេះគឺ %2។ ជំនួសការិយាល័យនៅលើកុំព្យូទ័រនេះដោយការិយាល័យផ្សេងនោះឬ? ឯកសាររបស់វានឹងត្រូវរក្សាទុកក្នុងថតមួយនៅក្បែរទិន្នន័យ។</translation>
    </message>
    <message>
        <source>Replace this office</source>
        <translation>ជំនួសការិយាល័យនេះ</translation>
    </message>
</context>
<context>
    <name>UpwardPanel</name>
    <message>
        <source>the district</source>
        <translation>ខណ្ឌ/ស្រុក</translation>
    </message>
    <message>
        <source>the ministry</source>
        <translation>ក្រសួង</translation>
    </message>
    <message>
        <source>This office&apos;s certificate</source>
        <translation>វិញ្ញាបនបត្ររបស់ការិយាល័យនេះ</translation>
    </message>
    <message>
        <source>Create certificate request…</source>
        <translation>បង្កើតសំណើវិញ្ញាបនបត្រ…</translation>
    </message>
    <message>
        <source>Install certificate package…</source>
        <translation>ដំឡើងកញ្ចប់វិញ្ញាបនបត្រ…</translation>
    </message>
    <message>
        <source>Send a month to %1</source>
        <translation>ផ្ញើខែមួយទៅ %1</translation>
    </message>
    <message>
        <source>Only approved months can be sent. The bundle is signed by this office and encrypted for %1: carry it on a USB stick or send it by e-mail.</source>
        <translation>មានតែខែដែលបានអនុម័តប៉ុណ្ណោះដែលអាចផ្ញើបាន។ កញ្ចប់ទិន្នន័យត្រូវបានចុះហត្ថលេខាដោយការិយាល័យនេះ និងអ៊ិនគ្រីបសម្រាប់ %1៖ យកវាតាម USB ឬផ្ញើតាមអ៊ីមែល។</translation>
    </message>
    <message>
        <source>Export month…</source>
        <translation>នាំចេញខែ…</translation>
    </message>
    <message>
        <source>Approve month…</source>
        <translation>អនុម័តខែ…</translation>
    </message>
    <message>
        <source>Export the same revision again…</source>
        <translation>នាំចេញកំណែដដែលម្ដងទៀត…</translation>
    </message>
    <message>
        <source>Bundles written</source>
        <translation>កញ្ចប់ទិន្នន័យដែលបានសរសេរ</translation>
    </message>
    <message>
        <source>Returned by the district for correction</source>
        <translation>ប្រគល់ត្រឡប់ដោយខណ្ឌ/ស្រុក ដើម្បីកែតម្រូវ</translation>
    </message>
    <message>
        <source>Import a return notice…</source>
        <translation>នាំចូលលិខិតប្រគល់ត្រឡប់…</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>ខែ</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>កំណែ</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ឯកសារ</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>បានសរសេរ</translation>
    </message>
    <message>
        <source>(again)</source>
        <translation>(ម្ដងទៀត)</translation>
    </message>
    <message>
        <source>Certificate %1, issued by %2, valid until %3.</source>
        <translation>វិញ្ញាបនបត្រ %1 ចេញដោយ %2 មានសុពលភាពរហូតដល់ %3។</translation>
    </message>
    <message>
        <source>REVOKED: this certificate has been revoked. Ask %1 for a new one.</source>
        <translation>បានដកហូត៖ វិញ្ញាបនបត្រនេះត្រូវបានដកហូត។ សូមស្នើសុំវិញ្ញាបនបត្រថ្មីពី %1។</translation>
    </message>
    <message>
        <source>Not revoked.</source>
        <translation>មិនត្រូវបានដកហូតទេ។</translation>
    </message>
    <message>
        <source>This office has no certificate from %1 yet.</source>
        <translation>ការិយាល័យនេះមិនទាន់មានវិញ្ញាបនបត្រពី %1 នៅឡើយទេ។</translation>
    </message>
    <message>
        <source>A certificate request is waiting for its package: install it when %1 sends it.</source>
        <translation>សំណើវិញ្ញាបនបត្រមួយកំពុងរង់ចាំកញ្ចប់របស់វា៖ សូមដំឡើងវានៅពេល %1 ផ្ញើមក។</translation>
    </message>
    <message>
        <source>Fingerprint of the request to read to %1 by phone: %2</source>
        <translation>ស្នាមម្រាមដៃនៃសំណើ សម្រាប់អានឱ្យ %1 ស្ដាប់តាមទូរស័ព្ទ៖ %2</translation>
    </message>
    <message>
        <source>Ministry root</source>
        <translation>ឫសក្រសួង</translation>
    </message>
    <message>
        <source>District CA</source>
        <translation>អាជ្ញាធរវិញ្ញាបនបត្រខណ្ឌ</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>ការចុះហត្ថលេខា</translation>
    </message>
    <message>
        <source>Encryption (receiving)</source>
        <translation>ការអ៊ិនគ្រីប (ការទទួល)</translation>
    </message>
    <message>
        <source>Recipient above</source>
        <translation>អ្នកទទួលថ្នាក់លើ</translation>
    </message>
    <message>
        <source>(corrected: a newer revision was sent)</source>
        <translation>(បានកែតម្រូវ៖ បានផ្ញើកំណែថ្មីជាងនេះ)</translation>
    </message>
    <message>
        <source>The district has returned no month for correction.</source>
        <translation>ខណ្ឌ/ស្រុកមិនបានប្រគល់ខែណាមួយត្រឡប់មកវិញ ដើម្បីកែតម្រូវទេ។</translation>
    </message>
    <message>
        <source>Open the district&apos;s return notice</source>
        <translation>បើកលិខិតប្រគល់ត្រឡប់របស់ខណ្ឌ/ស្រុក</translation>
    </message>
    <message>
        <source>Return notices (*.shscret)</source>
        <translation>លិខិតប្រគល់ត្រឡប់ (*.shscret)</translation>
    </message>
    <message>
        <source>This notice had already been imported.</source>
        <translation>លិខិតនេះត្រូវបាននាំចូលរួចហើយ។</translation>
    </message>
    <message>
        <source>Reopen the month on Home, correct it, approve it again and export it: the district then receives the corrected revision.</source>
        <translation>សូមបើកខែឡើងវិញនៅទំព័រដើម កែតម្រូវ អនុម័តម្ដងទៀត ហើយនាំចេញ៖ បន្ទាប់មកខណ្ឌ/ស្រុកនឹងទទួលបានកំណែដែលបានកែតម្រូវ។</translation>
    </message>
    <message>
        <source>Save the certificate request</source>
        <translation>រក្សាទុកសំណើវិញ្ញាបនបត្រ</translation>
    </message>
    <message>
        <source>Certificate requests (*.shscreq)</source>
        <translation>សំណើវិញ្ញាបនបត្រ (*.shscreq)</translation>
    </message>
    <message>
        <source>The request was saved as %1. Give the file to %2, then read this fingerprint to them by phone; they must see the same one:

%3</source>
        <translation>សំណើត្រូវបានរក្សាទុកជា %1។ សូមផ្ដល់ឯកសារនេះទៅ %2 បន្ទាប់មកអានស្នាមម្រាមដៃនេះឱ្យពួកគេស្ដាប់តាមទូរស័ព្ទ ពួកគេត្រូវឃើញស្នាមម្រាមដៃដូចគ្នា៖

%3</translation>
    </message>
    <message>
        <source>Open the certificate package</source>
        <translation>បើកកញ្ចប់វិញ្ញាបនបត្រ</translation>
    </message>
    <message>
        <source>Certificate packages (*.shscpkg)</source>
        <translation>កញ្ចប់វិញ្ញាបនបត្រ (*.shscpkg)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>ឯកសារទាំងអស់ (*)</translation>
    </message>
    <message>
        <source>Compare these fingerprints with the ones %1 reads to you by phone. Install the certificates only if every one is the same.</source>
        <translation>សូមប្រៀបធៀបស្នាមម្រាមដៃទាំងនេះ ជាមួយស្នាមម្រាមដៃដែល %1 អានឱ្យអ្នកស្ដាប់តាមទូរស័ព្ទ។ ដំឡើងវិញ្ញាបនបត្រ តែក្នុងករណីដែលគ្រប់ស្នាមម្រាមដៃដូចគ្នាប៉ុណ្ណោះ។</translation>
    </message>
    <message>
        <source>They are the same: install</source>
        <translation>ដូចគ្នា៖ ដំឡើង</translation>
    </message>
    <message>
        <source>The certificates are installed. This office can now send bundles.</source>
        <translation>វិញ្ញាបនបត្រត្រូវបានដំឡើង។ ឥឡូវនេះ ការិយាល័យនេះអាចផ្ញើកញ្ចប់ទិន្នន័យបានហើយ។</translation>
    </message>
    <message>
        <source>Approve %1 for the district? Its totals are then sent as they are now; a later change needs a new revision.</source>
        <translation>អនុម័ត %1 សម្រាប់ខណ្ឌ? ចំនួនសរុបនឹងត្រូវផ្ញើដូចដែលមាននៅពេលនេះ ការផ្លាស់ប្ដូរនៅពេលក្រោយត្រូវការកំណែថ្មី។</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>អនុម័ត</translation>
    </message>
    <message>
        <source>Choose the folder (USB stick) for the bundle</source>
        <translation>ជ្រើសថត (USB) សម្រាប់កញ្ចប់ទិន្នន័យ</translation>
    </message>
    <message>
        <source>Signing and encrypting…</source>
        <translation>កំពុងចុះហត្ថលេខា និងអ៊ិនគ្រីប…</translation>
    </message>
    <message>
        <source>Nil report: nothing happened this month.</source>
        <translation>របាយការណ៍គ្មានករណី៖ ខែនេះគ្មានករណីកើតឡើងទេ។</translation>
    </message>
    <message>
        <source>Month to approve:</source>
        <translation>ខែត្រូវអនុម័ត៖</translation>
    </message>
    <message>
        <source>Choose a month</source>
        <translation>ជ្រើសរើសខែ</translation>
    </message>
    <message>
        <source>Month to send:</source>
        <translation>ខែត្រូវផ្ញើ៖</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>លេខរៀង</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>the root of %1</source>
        <translation>ឫសរបស់ %1</translation>
    </message>
    <message>
        <source>the certificate authority of %1</source>
        <translation>អាជ្ញាធរវិញ្ញាបនបត្ររបស់ %1</translation>
    </message>
    <message>
        <source>the encryption key of %1</source>
        <translation>កូនសោអ៊ិនគ្រីបរបស់ %1</translation>
    </message>
    <message>
        <source>Reports received: %1 of %2 communes.</source>
        <translation>របាយការណ៍ដែលបានទទួល៖ %1 ក្នុងចំណោម %2 ឃុំ/សង្កាត់។</translation>
    </message>
    <message>
        <source>Not reported: %1</source>
        <translation>មិនទាន់រាយការណ៍៖ %1</translation>
    </message>
    <message>
        <source>Not enrolled (cannot report yet): %1</source>
        <translation>មិនទាន់ចុះឈ្មោះ (មិនទាន់អាចរាយការណ៍បាន)៖ %1</translation>
    </message>
    <message>
        <source>Late: %1</source>
        <translation>យឺត៖ %1</translation>
    </message>
    <message>
        <source>Nil reports (no incidents): %1</source>
        <translation>របាយការណ៍គ្មានករណី (គ្មានហេតុការណ៍)៖ %1</translation>
    </message>
    <message>
        <source>No commune has reported %1 yet: approving now sends a month without any report. Approve it as incomplete, or wait for the reports.</source>
        <translation>មិនទាន់មានឃុំ/សង្កាត់ណាមួយរាយការណ៍ %1 នៅឡើយទេ៖ ការអនុម័តឥឡូវនេះនឹងផ្ញើខែមួយដែលគ្មានរបាយការណ៍សោះ។ អនុម័តថាមិនពេញលេញ ឬរង់ចាំរបាយការណ៍។</translation>
    </message>
    <message>
        <source>The month is incomplete. Approve it as it is, or wait for the missing reports (a late report needs a new revision of the district&apos;s month).</source>
        <translation>ខែនេះមិនពេញលេញ។ អនុម័តដូចដែលមាន ឬរង់ចាំរបាយការណ៍ដែលខ្វះ (របាយការណ៍យឺតត្រូវការកំណែថ្មីនៃខែរបស់ខណ្ឌ)។</translation>
    </message>
    <message>
        <source>Approve as incomplete</source>
        <translation>អនុម័តថាមិនពេញលេញ</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>រង់ចាំ</translation>
    </message>
    <message>
        <source>%1 is approved: it can now be sent to the ministry.</source>
        <translation>%1 ត្រូវបានអនុម័ត៖ ឥឡូវនេះអាចផ្ញើទៅក្រសួងបាន។</translation>
    </message>
    <message>
        <source>Written: %1 (revision %2, sequence %3).</source>
        <translation>បានសរសេរ៖ %1 (កំណែទី %2 លេខរៀង %3)។</translation>
    </message>
    <message>
        <source>Written again, same content: %1 (revision %2, sequence %3).</source>
        <translation>បានសរសេរម្ដងទៀត ខ្លឹមសារដដែល៖ %1 (កំណែទី %2 លេខរៀង %3)។</translation>
    </message>
</context>
</TS>
