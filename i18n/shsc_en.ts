<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AccountPage</name>
    <message>
        <source>The administrator&apos;s account</source>
        <translation>The administrator&apos;s account</translation>
    </message>
    <message>
        <source>This account (%1) manages the office&apos;s users and settings.</source>
        <translation>This account (%1) manages the office&apos;s users and settings.</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Password again:</translation>
    </message>
    <message>
        <source>The password protects the records of survivors: at least 8 characters, known only to you. If it is forgotten, only the recovery key on the next page can open the office.</source>
        <translation>The password protects the records of survivors: at least 8 characters, known only to you. If it is forgotten, only the recovery key on the next page can open the office.</translation>
    </message>
    <message>
        <source>Creating the encrypted office…</source>
        <translation>Creating the encrypted office…</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>Enter a user name.</translation>
    </message>
    <message>
        <source>The user name can have at most 64 characters.</source>
        <translation>The user name can have at most 64 characters.</translation>
    </message>
</context>
<context>
    <name>ActionItemTableModel</name>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
</context>
<context>
    <name>ActionItemsTable</name>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add a user</source>
        <translation>Add a user</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Password again:</translation>
    </message>
    <message>
        <source>The new user must choose their own password when they first sign in.</source>
        <translation>The new user must choose their own password when they first sign in.</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>Enter a user name.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2).</source>
        <translation>Signed in as %1 (%2).</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>Change my password…</translation>
    </message>
    <message>
        <source>Users of this office</source>
        <translation>Users of this office</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Identifying details</source>
        <translation>Identifying details</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>Remove user…</source>
        <translation>Remove user…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>her cases</source>
        <translation>her cases</translation>
    </message>
    <message>
        <source>Make clerk</source>
        <translation>Make clerk</translation>
    </message>
    <message>
        <source>Make CCWC focal point</source>
        <translation>Make CCWC focal point</translation>
    </message>
    <message>
        <source>%1 is now a CCWC focal point: she sees the identifying details of the cases she handles.</source>
        <translation>%1 is now a CCWC focal point: she sees the identifying details of the cases she handles.</translation>
    </message>
    <message>
        <source>%1 is now a clerk: she no longer opens identifying details.</source>
        <translation>%1 is now a clerk: she no longer opens identifying details.</translation>
    </message>
    <message numerus="yes">
        <source>Survivors&apos; identifying details will be erased %n years after their case is closed, checked at each sign-in.</source>
        <translation>
            <numerusform>Survivors&apos; identifying details will be erased %n year after their case is closed, checked at each sign-in.</numerusform>
            <numerusform>Survivors&apos; identifying details will be erased %n years after their case is closed, checked at each sign-in.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n years</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message>
        <source>may see</source>
        <translation>may see</translation>
    </message>
    <message>
        <source>Withdraw identifying details</source>
        <translation>Withdraw identifying details</translation>
    </message>
    <message>
        <source>Allow identifying details</source>
        <translation>Allow identifying details</translation>
    </message>
    <message>
        <source>%1 may now see survivors&apos; identifying details.</source>
        <translation>%1 may now see survivors&apos; identifying details.</translation>
    </message>
    <message>
        <source>%1 can no longer open survivors&apos; identifying details.</source>
        <translation>%1 can no longer open survivors&apos; identifying details.</translation>
    </message>
    <message>
        <source>The password of %1 has been reset.</source>
        <translation>The password of %1 has been reset.</translation>
    </message>
    <message>
        <source>Your password has been changed.</source>
        <translation>Your password has been changed.</translation>
    </message>
    <message>
        <source>Remove %1 from this office? They will no longer be able to sign in. The data key will be rotated, so any copy of the old key stops working. Close other SHSC Desktop windows first.</source>
        <translation>Remove %1 from this office? They will no longer be able to sign in. The data key will be rotated, so any copy of the old key stops working. Close other SHSC Desktop windows first.</translation>
    </message>
    <message>
        <source>Remove user</source>
        <translation>Remove user</translation>
    </message>
    <message>
        <source>%1 has been removed and the data key was rotated.</source>
        <translation>%1 has been removed and the data key was rotated.</translation>
    </message>
    <message numerus="yes">
        <source>The audit log is intact: %n entries checked.</source>
        <translation>
            <numerusform>The audit log is intact: %n entry checked.</numerusform>
            <numerusform>The audit log is intact: %n entries checked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The office now locks after %n minutes without use.</source>
        <translation>
            <numerusform>The office now locks after %n minute without use.</numerusform>
            <numerusform>The office now locks after %n minutes without use.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttendanceGrid</name>
    <message>
        <source>Women</source>
        <translation>Women</translation>
    </message>
    <message>
        <source>Men</source>
        <translation>Men</translation>
    </message>
    <message>
        <source>Total: %1 (%2 women, %3 men)</source>
        <translation>Total: %1 (%2 women, %3 men)</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <source>Signed in</source>
        <translation>Signed in</translation>
    </message>
    <message>
        <source>Failed sign-in</source>
        <translation>Failed sign-in</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>Unlocked</translation>
    </message>
    <message>
        <source>Unlocked with the recovery key</source>
        <translation>Unlocked with the recovery key</translation>
    </message>
    <message>
        <source>Office set up</source>
        <translation>Office set up</translation>
    </message>
    <message>
        <source>User added</source>
        <translation>User added</translation>
    </message>
    <message>
        <source>User removed</source>
        <translation>User removed</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>Role changed</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Password reset</translation>
    </message>
    <message>
        <source>Recovery key replaced</source>
        <translation>Recovery key replaced</translation>
    </message>
    <message>
        <source>Data key rotated</source>
        <translation>Data key rotated</translation>
    </message>
    <message>
        <source>Record created</source>
        <translation>Record created</translation>
    </message>
    <message>
        <source>Record changed</source>
        <translation>Record changed</translation>
    </message>
    <message>
        <source>Record deleted</source>
        <translation>Record deleted</translation>
    </message>
    <message>
        <source>Identifying details viewed</source>
        <translation>Identifying details viewed</translation>
    </message>
    <message>
        <source>Consent overridden</source>
        <translation>Consent overridden</translation>
    </message>
    <message>
        <source>Month approved</source>
        <translation>Month approved</translation>
    </message>
    <message>
        <source>Month reopened</source>
        <translation>Month reopened</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>Setting changed</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>Backup made</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Backup restored</translation>
    </message>
    <message>
        <source>Database upgraded</source>
        <translation>Database upgraded</translation>
    </message>
    <message>
        <source>Bundle exported</source>
        <translation>Bundle exported</translation>
    </message>
    <message>
        <source>Bundle imported</source>
        <translation>Bundle imported</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>Audit log verified</source>
        <translation>Audit log verified</translation>
    </message>
    <message>
        <source>Unencrypted emergency copy written with the recovery key</source>
        <translation>Unencrypted emergency copy written with the recovery key</translation>
    </message>
    <message>
        <source>Loss of recent audit entries accepted by the chief</source>
        <translation>Loss of recent audit entries accepted by the chief</translation>
    </message>
    <message>
        <source>Bundle rejected</source>
        <translation>Bundle rejected</translation>
    </message>
    <message>
        <source>Certificate request written</source>
        <translation>Certificate request written</translation>
    </message>
    <message>
        <source>Certificate request answered</source>
        <translation>Certificate request answered</translation>
    </message>
    <message>
        <source>Certificate package installed</source>
        <translation>Certificate package installed</translation>
    </message>
    <message>
        <source>Ministry root certificate created</source>
        <translation>Ministry root certificate created</translation>
    </message>
    <message>
        <source>Certificate revoked</source>
        <translation>Certificate revoked</translation>
    </message>
    <message>
        <source>Decryption key exported</source>
        <translation>Decryption key exported</translation>
    </message>
    <message>
        <source>Revocation list renewed</source>
        <translation>Revocation list renewed</translation>
    </message>
    <message>
        <source>Sign-in refused: role changed outside the app</source>
        <translation>Sign-in refused: role changed outside the app</translation>
    </message>
    <message>
        <source>Role found changed outside the app</source>
        <translation>Role found changed outside the app</translation>
    </message>
    <message>
        <source>Account rights found not signed</source>
        <translation>Account rights found not signed</translation>
    </message>
    <message>
        <source>Access to identities changed</source>
        <translation>Access to identities changed</translation>
    </message>
    <message>
        <source>Office keys created</source>
        <translation>Office keys created</translation>
    </message>
    <message>
        <source>Exchange keys moved under the office keys</source>
        <translation>Exchange keys moved under the office keys</translation>
    </message>
    <message>
        <source>Identifying details sealed</source>
        <translation>Identifying details sealed</translation>
    </message>
    <message>
        <source>Upgrade backups with unsealed identifying details deleted</source>
        <translation>Upgrade backups with unsealed identifying details deleted</translation>
    </message>
    <message>
        <source>Identifying details erased</source>
        <translation>Identifying details erased</translation>
    </message>
    <message>
        <source>Unsaved form kept as a draft</source>
        <translation>Unsaved form kept as a draft</translation>
    </message>
    <message>
        <source>Draft reopened</source>
        <translation>Draft reopened</translation>
    </message>
    <message>
        <source>Draft discarded</source>
        <translation>Draft discarded</translation>
    </message>
    <message>
        <source>Draft expired</source>
        <translation>Draft expired</translation>
    </message>
    <message>
        <source>Month returned to a commune for correction</source>
        <translation>Month returned to a commune for correction</translation>
    </message>
    <message>
        <source>Return notice from the district imported</source>
        <translation>Return notice from the district imported</translation>
    </message>
</context>
<context>
    <name>AuditPart</name>
    <message>
        <source>Every change is recorded in the audit log. Each entry is linked to the one before, so any later alteration can be found.</source>
        <translation>Every change is recorded in the audit log. Each entry is linked to the one before, so any later alteration can be found.</translation>
    </message>
    <message>
        <source>Verify the audit log</source>
        <translation>Verify the audit log</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>The audit log has been altered. The first bad entry is number %1.</source>
        <translation>The audit log has been altered. The first bad entry is number %1.</translation>
    </message>
</context>
<context>
    <name>BackupPart</name>
    <message>
        <source>A backup is an encrypted copy of all records. Save it on a USB stick and keep it in a safe place. It opens only with a password of this office.</source>
        <translation>A backup is an encrypted copy of all records. Save it on a USB stick and keep it in a safe place. It opens only with a password of this office.</translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation>Back up now…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Restoring replaces the records on this computer with those in the backup. The office is locked first; the current files are kept in a folder, not deleted.</source>
        <translation>Restoring replaces the records on this computer with those in the backup. The office is locked first; the current files are kept in a folder, not deleted.</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <source>Save the backup as</source>
        <translation>Save the backup as</translation>
    </message>
    <message>
        <source>SHSC Desktop backups (*.shscbak)</source>
        <translation>SHSC Desktop backups (*.shscbak)</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>The backup was saved and checked: %1</source>
        <translation>The backup was saved and checked: %1</translation>
    </message>
    <message>
        <source>Choose the backup file</source>
        <translation>Choose the backup file</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
</context>
<context>
    <name>BackupSignInDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <source>Restore %1. Sign in with a user name and password that were valid when the backup was made. The current files are kept in a folder next to the data, not deleted.</source>
        <translation>Restore %1. Sign in with a user name and password that were valid when the backup was made. The current files are kept in a folder next to the data, not deleted.</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>An office is set up on this computer. Its chief must allow replacing its data: her user name and password, or the office&apos;s recovery key.</source>
        <translation>An office is set up on this computer. Its chief must allow replacing its data: her user name and password, or the office&apos;s recovery key.</translation>
    </message>
    <message>
        <source>The recovery key</source>
        <translation>The recovery key</translation>
    </message>
    <message>
        <source>Chief here:</source>
        <translation>Chief here:</translation>
    </message>
    <message>
        <source>Her password, or the recovery key:</source>
        <translation>Her password, or the recovery key:</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Enter the user name and the password.</source>
        <translation>Enter the user name and the password.</translation>
    </message>
    <message>
        <source>Enter the password of the chief here, or the recovery key.</source>
        <translation>Enter the password of the chief here, or the recovery key.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <source>Before you continue, choose a new password that only you know.</source>
        <translation>Before you continue, choose a new password that only you know.</translation>
    </message>
    <message>
        <source>Choose a new password that only you know.</source>
        <translation>Choose a new password that only you know.</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>Current password:</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>New password:</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>New password again:</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The new password must be different from the current one.</source>
        <translation>The new password must be different from the current one.</translation>
    </message>
</context>
<context>
    <name>ChildConsentSection</name>
    <message>
        <source>Child protection in the directory: %1</source>
        <translation>Child protection in the directory: %1</translation>
    </message>
    <message>
        <source>No child-protection provider in the directory yet: add the social affairs office (DoSVY).</source>
        <translation>No child-protection provider in the directory yet: add the social affairs office (DoSVY).</translation>
    </message>
    <message>
        <source>Survivor under 18</source>
        <translation>Survivor under 18</translation>
    </message>
    <message>
        <source>Her consent is given by:</source>
        <translation>Her consent is given by:</translation>
    </message>
    <message>
        <source>Why not her guardian:</source>
        <translation>Why not her guardian:</translation>
    </message>
    <message>
        <source>Decision taken by:</source>
        <translation>Decision taken by:</translation>
    </message>
    <message>
        <source>Referral to child protection:</source>
        <translation>Referral to child protection:</translation>
    </message>
    <message>
        <source>For a survivor under 18: who gives the consent with her — her parent or guardian, a trusted adult who is not the offender, or a best-interests decision of the focal point or the chief.</source>
        <translation>For a survivor under 18: who gives the consent with her — her parent or guardian, a trusted adult who is not the offender, or a best-interests decision of the focal point or the chief.</translation>
    </message>
    <message>
        <source>Why her parent or guardian does not give the consent (needed for a trusted adult or a best-interests decision).</source>
        <translation>Why her parent or guardian does not give the consent (needed for a trusted adult or a best-interests decision).</translation>
    </message>
    <message>
        <source>Who took the best-interests decision: the commune focal point or the commune chief.</source>
        <translation>Who took the best-interests decision: the commune focal point or the commune chief.</translation>
    </message>
    <message>
        <source>Every child survivor is offered a referral to child protection (social affairs, DoSVY): record what was done.</source>
        <translation>Every child survivor is offered a referral to child protection (social affairs, DoSVY): record what was done.</translation>
    </message>
</context>
<context>
    <name>ClassificationHelper</name>
    <message>
        <source>GBV type: answer the questions in order.</source>
        <translation>GBV type: answer the questions in order.</translation>
    </message>
    <message>
        <source>GBV type: %1</source>
        <translation>GBV type: %1</translation>
    </message>
    <message>
        <source>Rape: non-consensual penetration, however slight, of the vagina, anus or mouth with a penis or other body part, or of the vagina or anus with an object. Includes gang rape, marital rape, sodomy and forced oral sex. Attempted rape is not rape.</source>
        <translation>Rape: non-consensual penetration, however slight, of the vagina, anus or mouth with a penis or other body part, or of the vagina or anus with an object. Includes gang rape, marital rape, sodomy and forced oral sex. Attempted rape is not rape.</translation>
    </message>
    <message>
        <source>Sexual assault: non-consensual sexual contact without penetration. Includes attempted rape, unwanted kissing or touching, and female genital mutilation/cutting.</source>
        <translation>Sexual assault: non-consensual sexual contact without penetration. Includes attempted rape, unwanted kissing or touching, and female genital mutilation/cutting.</translation>
    </message>
    <message>
        <source>Physical assault: physical violence that is not sexual, such as hitting, slapping, choking, cutting, shoving, burning, shooting, use of weapons and acid attacks.</source>
        <translation>Physical assault: physical violence that is not sexual, such as hitting, slapping, choking, cutting, shoving, burning, shooting, use of weapons and acid attacks.</translation>
    </message>
    <message>
        <source>Forced marriage: marriage of a person against her will.</source>
        <translation>Forced marriage: marriage of a person against her will.</translation>
    </message>
    <message>
        <source>Denial of resources, opportunities or services: denial of rightful access to economic resources or assets, livelihood, education, health or other social services. Reports of general poverty are not recorded.</source>
        <translation>Denial of resources, opportunities or services: denial of rightful access to economic resources or assets, livelihood, education, health or other social services. Reports of general poverty are not recorded.</translation>
    </message>
    <message>
        <source>Psychological or emotional abuse: threats of physical or sexual violence, forced isolation, harassment or intimidation, and menacing gestures or words.</source>
        <translation>Psychological or emotional abuse: threats of physical or sexual violence, forced isolation, harassment or intimidation, and menacing gestures or words.</translation>
    </message>
    <message>
        <source>Non-GBV: all six questions were answered no. The incident is recorded, but it is not counted as gender-based violence.</source>
        <translation>Non-GBV: all six questions were answered no. The incident is recorded, but it is not counted as gender-based violence.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>CompletenessPanel</name>
    <message>
        <source>commune</source>
        <translation>commune</translation>
    </message>
    <message>
        <source>district</source>
        <translation>district</translation>
    </message>
    <message>
        <source>Each %1 and month: on time, late, missing or nil report (a nil report is a complete report of a month without incidents). The last row is the reporting rate.</source>
        <translation>Each %1 and month: on time, late, missing or nil report (a nil report is a complete report of a month without incidents). The last row is the reporting rate.</translation>
    </message>
    <message>
        <source>Months shown:</source>
        <translation>Months shown:</translation>
    </message>
    <message>
        <source>On time if received within this many days after the month:</source>
        <translation>On time if received within this many days after the month:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Return for correction…</source>
        <translation>Return for correction…</translation>
    </message>
    <message>
        <source>Green: on time · yellow: late · red: missing or not enrolled · grey: nil report (on time or late) · white: before the office&apos;s first expected month · ⚠: dates to check. On time means sent by the office (its signed date, Phnom Penh time) within the deadline.</source>
        <translation>Green: on time · yellow: late · red: missing or not enrolled · grey: nil report (on time or late) · white: before the office&apos;s first expected month · ⚠: dates to check. On time means sent by the office (its signed date, Phnom Penh time) within the deadline.</translation>
    </message>
    <message>
        <source>Nil report, late</source>
        <translation>Nil report, late</translation>
    </message>
    <message>
        <source>Nil report</source>
        <translation>Nil report</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Not enrolled</source>
        <translation>Not enrolled</translation>
    </message>
    <message>
        <source>Not expected yet</source>
        <translation>Not expected yet</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>returned</translation>
    </message>
    <message>
        <source>Returned for correction: %1</source>
        <translation>Returned for correction: %1</translation>
    </message>
    <message>
        <source>⚠ %1, %2: the sending date signed by the office cannot be right beside the date it arrived (%3). Check the clocks of both computers.</source>
        <translation>⚠ %1, %2: the sending date signed by the office cannot be right beside the date it arrived (%3). Check the clocks of both computers.</translation>
    </message>
    <message>
        <source>⚠ %1, %2 (bundle no. %3): its audit log does not continue the log of the office&apos;s previous bundle. Entries may have been removed or rewritten at that office: ask its chief to check the audit log.</source>
        <translation>⚠ %1, %2 (bundle no. %3): its audit log does not continue the log of the office&apos;s previous bundle. Entries may have been removed or rewritten at that office: ask its chief to check the audit log.</translation>
    </message>
    <message>
        <source>Return for correction</source>
        <translation>Return for correction</translation>
    </message>
    <message>
        <source>Return the report of %1 for %2 to the commune for correction. Say what should be corrected: the commune sees this reason. The notice is a signed file to carry to the commune.</source>
        <translation>Return the report of %1 for %2 to the commune for correction. Say what should be corrected: the commune sees this reason. The notice is a signed file to carry to the commune.</translation>
    </message>
    <message>
        <source>Choose where to save the notice…</source>
        <translation>Choose where to save the notice…</translation>
    </message>
    <message>
        <source>Folder for the return notice</source>
        <translation>Folder for the return notice</translation>
    </message>
    <message>
        <source>The notice was saved as %1. Carry it to commune %2.</source>
        <translation>The notice was saved as %1. Carry it to commune %2.</translation>
    </message>
    <message>
        <source>Reporting rate</source>
        <translation>Reporting rate</translation>
    </message>
    <message>
        <source>%1 of %2 (%3%), on time %4</source>
        <translation>%1 of %2 (%3%), on time %4</translation>
    </message>
    <message>
        <source>Sent %1, received %2 (Phnom Penh time), revision %3</source>
        <translation>Sent %1, received %2 (Phnom Penh time), revision %3</translation>
    </message>
    <message>
        <source>%1: no. %2</source>
        <translation>%1: no. %2</translation>
    </message>
    <message>
        <source>Bundles not received yet (ask the office for them): %1</source>
        <translation>Bundles not received yet (ask the office for them): %1</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <source>Directory entry</source>
        <translation>Directory entry</translation>
    </message>
    <message>
        <source>Name in Khmer:</source>
        <translation>Name in Khmer:</translation>
    </message>
    <message>
        <source>Name in English:</source>
        <translation>Name in English:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Services offered:</source>
        <translation>Services offered:</translation>
    </message>
    <message>
        <source>Contact person:</source>
        <translation>Contact person:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Position:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Second phone:</source>
        <translation>Second phone:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Opening hours:</source>
        <translation>Opening hours:</translation>
    </message>
    <message>
        <source>Area covered:</source>
        <translation>Area covered:</translation>
    </message>
    <message>
        <source>Last verified:</source>
        <translation>Last verified:</translation>
    </message>
    <message>
        <source>Active (offered in new referrals)</source>
        <translation>Active (offered in new referrals)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ContactTableModel</name>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <source>Referral network directory</source>
        <translation>Referral network directory</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>All services</translation>
    </message>
    <message>
        <source>Active only</source>
        <translation>Active only</translation>
    </message>
    <message>
        <source>Search by name, person, address or phone</source>
        <translation>Search by name, person, address or phone</translation>
    </message>
    <message>
        <source>New entry…</source>
        <translation>New entry…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Import CSV/XLSX…</source>
        <translation>Import CSV/XLSX…</translation>
    </message>
    <message>
        <source>Export CSV/XLSX…</source>
        <translation>Export CSV/XLSX…</translation>
    </message>
    <message>
        <source>Print directory…</source>
        <translation>Print directory…</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message>
        <source>Directory as PDF…</source>
        <translation>Directory as PDF…</translation>
    </message>
    <message>
        <source>Delete directory entry</source>
        <translation>Delete directory entry</translation>
    </message>
    <message>
        <source>Delete %1 from the directory? An entry used by referrals can only be made inactive. Why is it being deleted? The reason is kept in the audit log.</source>
        <translation>Delete %1 from the directory? An entry used by referrals can only be made inactive. Why is it being deleted? The reason is kept in the audit log.</translation>
    </message>
    <message>
        <source>The directory was imported. New entries: %1; updated: %2.</source>
        <translation>The directory was imported. New entries: %1; updated: %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries were written to %1.</source>
        <translation>
            <numerusform>%n entry was written to %1.</numerusform>
            <numerusform>%n entries were written to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n pages to the printer.</source>
        <translation>
            <numerusform>Sent %n page to the printer.</numerusform>
            <numerusform>Sent %n pages to the printer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The directory (%n organisations) was written to %1.</source>
        <translation>
            <numerusform>The directory (%n organisation) was written to %1.</numerusform>
            <numerusform>The directory (%n organisations) was written to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Import a directory file</source>
        <translation>Import a directory file</translation>
    </message>
    <message>
        <source>Directory files (*.csv *.xlsx)</source>
        <translation>Directory files (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Export the directory</source>
        <translation>Export the directory</translation>
    </message>
    <message>
        <source>Spreadsheet (*.xlsx)</source>
        <translation>Spreadsheet (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV UTF-8 (*.csv)</source>
        <translation>CSV UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Print the directory</source>
        <translation>Print the directory</translation>
    </message>
    <message>
        <source>Save the printable directory as PDF</source>
        <translation>Save the printable directory as PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>SHSC Desktop – unexpected error</source>
        <translation>SHSC Desktop – unexpected error</translation>
    </message>
    <message>
        <source>Something went wrong inside the program. Your saved records are safe. Please copy this report and send it to the person who supports SHSC Desktop, with a note of what you were doing.</source>
        <translation>Something went wrong inside the program. Your saved records are safe. Please copy this report and send it to the person who supports SHSC Desktop, with a note of what you were doing.</translation>
    </message>
    <message>
        <source>The program&apos;s log (no record data) is in this folder: %1</source>
        <translation>The program&apos;s log (no record data) is in this folder: %1</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Copy report</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>DataNotices</name>
    <message>
        <source>The office has been moved to %1, the folder every Windows account of this PC uses. The old folder was kept as %2.</source>
        <translation>The office has been moved to %1, the folder every Windows account of this PC uses. The old folder was kept as %2.</translation>
    </message>
    <message>
        <source>This PC&apos;s office is in %1. An older office of your Windows account was found in %2; it was not moved and is not used. Tell the chief before deleting it.</source>
        <translation>This PC&apos;s office is in %1. An older office of your Windows account was found in %2; it was not moved and is not used. Tell the chief before deleting it.</translation>
    </message>
    <message>
        <source>The Windows account %1 already has an office on this PC, in its own folder %2. Sign in to Windows as %1 and start SHSC Desktop once: the office then moves to %3 for every account. Do not set up a second office: the records would be split in two.</source>
        <translation>The Windows account %1 already has an office on this PC, in its own folder %2. Sign in to Windows as %1 and start SHSC Desktop once: the office then moves to %3 for every account. Do not set up a second office: the records would be split in two.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>YYYY</source>
        <translation>YYYY</translation>
    </message>
    <message>
        <source>MM</source>
        <translation>MM</translation>
    </message>
    <message>
        <source>DD</source>
        <translation>DD</translation>
    </message>
    <message>
        <source>Calendar (F4)</source>
        <translation>Calendar (F4)</translation>
    </message>
    <message>
        <source>Year, month, day</source>
        <translation>Year, month, day</translation>
    </message>
</context>
<context>
    <name>DeskHomePage</name>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>%1, %2 (code %3)</source>
        <translation>%1, %2 (code %3)</translation>
    </message>
    <message>
        <source>Last imports</source>
        <translation>Last imports</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>Sequence</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Import the bundles in Exchange → Import; who has reported, month by month, is in Exchange → Completeness. Lock the office with Ctrl+L when you leave the computer.</source>
        <translation>Import the bundles in Exchange → Import; who has reported, month by month, is in Exchange → Completeness. Lock the office with Ctrl+L when you leave the computer.</translation>
    </message>
    <message>
        <source>Reports for %1</source>
        <translation>Reports for %1</translation>
    </message>
    <message>
        <source>communes</source>
        <translation>communes</translation>
    </message>
    <message>
        <source>districts</source>
        <translation>districts</translation>
    </message>
    <message>
        <source>received of those expected (%1)</source>
        <translation>received of those expected (%1)</translation>
    </message>
    <message>
        <source>late</source>
        <translation>late</translation>
    </message>
    <message>
        <source>nil reports (no incidents)</source>
        <translation>nil reports (no incidents)</translation>
    </message>
    <message>
        <source>returned for correction (no corrected report yet)</source>
        <translation>returned for correction (no corrected report yet)</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>not enrolled (cannot send yet)</source>
        <translation>not enrolled (cannot send yet)</translation>
    </message>
    <message>
        <source>Next deadline: %1 (reports for %2).</source>
        <translation>Next deadline: %1 (reports for %2).</translation>
    </message>
    <message>
        <source>This office has no certificate yet (Exchange).</source>
        <translation>This office has no certificate yet (Exchange).</translation>
    </message>
    <message>
        <source>⚠ This office&apos;s certificate ends on %1: ask for a new one now.</source>
        <translation>⚠ This office&apos;s certificate ends on %1: ask for a new one now.</translation>
    </message>
    <message>
        <source>This office&apos;s certificate is valid until %1.</source>
        <translation>This office&apos;s certificate is valid until %1.</translation>
    </message>
    <message>
        <source>⚠ The revocation list this office signs runs out on %1: send a bundle or enrol an office to renew it.</source>
        <translation>⚠ The revocation list this office signs runs out on %1: send a bundle or enrol an office to renew it.</translation>
    </message>
    <message>
        <source>The revocation list this office signs is valid until %1.</source>
        <translation>The revocation list this office signs is valid until %1.</translation>
    </message>
    <message>
        <source>Approved, not yet sent to the ministry: %1</source>
        <translation>Approved, not yet sent to the ministry: %1</translation>
    </message>
    <message>
        <source>Every approved month has been sent to the ministry.</source>
        <translation>Every approved month has been sent to the ministry.</translation>
    </message>
    <message>
        <source>Nothing imported yet.</source>
        <translation>Nothing imported yet.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>The password must have at least %1 characters.</source>
        <translation>The password must have at least %1 characters.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message>
        <source>When the office locked at %1, a form you had not saved was kept for you. Open it again?</source>
        <translation>When the office locked at %1, a form you had not saved was kept for you. Open it again?</translation>
    </message>
    <message>
        <source>Open the form</source>
        <translation>Open the form</translation>
    </message>
    <message>
        <source>This draft was kept by an older version of the form. Its typed values could not be put back into the right fields safely, so they were left out: please enter them again.</source>
        <translation>This draft was kept by an older version of the form. Its typed values could not be put back into the right fields safely, so they were left out: please enter them again.</translation>
    </message>
</context>
<context>
    <name>EnrolPanel</name>
    <message>
        <source>commune</source>
        <translation>commune</translation>
    </message>
    <message>
        <source>district</source>
        <translation>district</translation>
    </message>
    <message>
        <source>A %1 sends its certificate request file. Open it, compare its fingerprint with the one the %1 reads to you by phone, and save the certificate package for it.</source>
        <translation>A %1 sends its certificate request file. Open it, compare its fingerprint with the one the %1 reads to you by phone, and save the certificate package for it.</translation>
    </message>
    <message>
        <source>Answer a certificate request…</source>
        <translation>Answer a certificate request…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Office keys</source>
        <translation>Office keys</translation>
    </message>
    <message>
        <source>Ministry root certificate fingerprint:</source>
        <translation>Ministry root certificate fingerprint:</translation>
    </message>
    <message>
        <source>Revoked: %1</source>
        <translation>Revoked: %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>not yet bound</source>
        <translation>not yet bound</translation>
    </message>
    <message>
        <source>Office keys of %1: %2</source>
        <translation>Office keys of %1: %2</translation>
    </message>
    <message>
        <source>Office keys of %1: not yet bound (enrolled before office keys; its first bundle that carries them binds them)</source>
        <translation>Office keys of %1: not yet bound (enrolled before office keys; its first bundle that carries them binds them)</translation>
    </message>
    <message>
        <source>Open the certificate request</source>
        <translation>Open the certificate request</translation>
    </message>
    <message>
        <source>Certificate requests (*.shscreq)</source>
        <translation>Certificate requests (*.shscreq)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Certificate request from %1 %2 (code %3).</source>
        <translation>Certificate request from %1 %2 (code %3).</translation>
    </message>
    <message>
        <source>Fingerprint of the request:</source>
        <translation>Fingerprint of the request:</translation>
    </message>
    <message>
        <source>Ask the office to read its fingerprint to you by phone. Continue only if it is the same.</source>
        <translation>Ask the office to read its fingerprint to you by phone. Continue only if it is the same.</translation>
    </message>
    <message>
        <source>It is the same: create the package</source>
        <translation>It is the same: create the package</translation>
    </message>
    <message>
        <source>Save the certificate package</source>
        <translation>Save the certificate package</translation>
    </message>
    <message>
        <source>Certificate packages (*.shscpkg)</source>
        <translation>Certificate packages (*.shscpkg)</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>Signing</translation>
    </message>
    <message>
        <source>District CA</source>
        <translation>District CA</translation>
    </message>
    <message>
        <source>Encryption (receiving)</source>
        <translation>Encryption (receiving)</translation>
    </message>
    <message>
        <source>Package for %1 saved as %2. Read these fingerprints to the office:</source>
        <translation>Package for %1 saved as %2. Read these fingerprints to the office:</translation>
    </message>
    <message>
        <source>Revoke %1</source>
        <translation>Revoke %1</translation>
    </message>
    <message>
        <source>Revoking is final: bundles signed by %1 will be refused from now on, and the office must enrol again with a new request. Why is it revoked (for example: computer stolen)?</source>
        <translation>Revoking is final: bundles signed by %1 will be refused from now on, and the office must enrol again with a new request. Why is it revoked (for example: computer stolen)?</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>Revoke the certificates of %1? This cannot be undone.</source>
        <translation>Revoke the certificates of %1? This cannot be undone.</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <source>%1 returned by district %2: %3</source>
        <translation>%1 returned by district %2: %3</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation>Completeness</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Totals</translation>
    </message>
    <message>
        <source>Enrolment</source>
        <translation>Enrolment</translation>
    </message>
    <message>
        <source>To the ministry</source>
        <translation>To the ministry</translation>
    </message>
</context>
<context>
    <name>FollowUpTableModel</name>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Days overdue</translation>
    </message>
    <message>
        <source>Follow-up of</source>
        <translation>Follow-up of</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Survivor</source>
        <translation>Survivor</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Referral</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>IdentifyingSection</name>
    <message>
        <source>Identifying details (name, phone, address, narrative)</source>
        <translation>Identifying details (name, phone, address, narrative)</translation>
    </message>
    <message>
        <source>Opening this section is recorded in the audit log. Close it when someone is watching.</source>
        <translation>Opening this section is recorded in the audit log. Close it when someone is watching.</translation>
    </message>
    <message>
        <source>Identifying details</source>
        <translation>Identifying details</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Date of birth:</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <source>What happened (her words):</source>
        <translation>What happened (her words):</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>This view has been recorded in the audit log.</source>
        <translation>This view has been recorded in the audit log.</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <source>Choose the bundle files (.shsc) from the USB stick or e-mail. First you see what would happen to each file (a dry run: nothing is changed); then confirm to import.</source>
        <translation>Choose the bundle files (.shsc) from the USB stick or e-mail. First you see what would happen to each file (a dry run: nothing is changed); then confirm to import.</translation>
    </message>
    <message>
        <source>Import bundles…</source>
        <translation>Import bundles…</translation>
    </message>
    <message>
        <source>Confirm import</source>
        <translation>Confirm import</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stop after this file</source>
        <translation>Stop after this file</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier bundle(s) from this office are missing</source>
        <translation>
            <numerusform>%n earlier bundle from this office is missing</numerusform>
            <numerusform>%n earlier bundles from this office are missing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s): %1 will be imported, %2 will update, %3 already imported, %4 rejected</source>
        <translation>
            <numerusform>%n file: %1 will be imported, %2 will update, %3 already imported, %4 rejected</numerusform>
            <numerusform>%n files: %1 will be imported, %2 will update, %3 already imported, %4 rejected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s): %1 imported, %2 updated, %3 already imported, %4 rejected</source>
        <translation>
            <numerusform>%n file: %1 imported, %2 updated, %3 already imported, %4 rejected</numerusform>
            <numerusform>%n files: %1 imported, %2 updated, %3 already imported, %4 rejected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped: %n file(s) were not imported.</source>
        <translation>
            <numerusform>Stopped: %n file was not imported.</numerusform>
            <numerusform>Stopped: %n files were not imported.</numerusform>
        </translation>
    </message>
    <message>
        <source>Already imported</source>
        <translation>Already imported</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Nil report</source>
        <translation>Nil report</translation>
    </message>
    <message>
        <source>Replaces the earlier revision</source>
        <translation>Replaces the earlier revision</translation>
    </message>
    <message>
        <source>Dry run: what would happen (nothing has been changed yet)</source>
        <translation>Dry run: what would happen (nothing has been changed yet)</translation>
    </message>
    <message>
        <source>Import done</source>
        <translation>Import done</translation>
    </message>
    <message>
        <source>Choose the bundle files</source>
        <translation>Choose the bundle files</translation>
    </message>
    <message>
        <source>SHSC bundles (*.shsc)</source>
        <translation>SHSC bundles (*.shsc)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>Sequence</translation>
    </message>
    <message>
        <source>Will be imported</source>
        <translation>Will be imported</translation>
    </message>
    <message>
        <source>Will update</source>
        <translation>Will update</translation>
    </message>
    <message>
        <source>Office: %1</source>
        <translation>Office: %1</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <source>Directory import</source>
        <translation>Directory import</translation>
    </message>
    <message>
        <source>Nothing was imported. Correct these lines in the file and try again:</source>
        <translation>Nothing was imported. Correct these lines in the file and try again:</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Line %1: %2</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>IncidentForm</name>
    <message>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Incident code:</source>
        <translation>Incident code:</translation>
    </message>
    <message>
        <source>Survivor code:</source>
        <translation>Survivor code:</translation>
    </message>
    <message>
        <source>Date reported:</source>
        <translation>Date reported:</translation>
    </message>
    <message>
        <source>Date of incident:</source>
        <translation>Date of incident:</translation>
    </message>
    <message>
        <source>Reported by:</source>
        <translation>Reported by:</translation>
    </message>
    <message>
        <source>The commune is the first point of contact:</source>
        <translation>The commune is the first point of contact:</translation>
    </message>
    <message>
        <source>Village:</source>
        <translation>Village:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Place:</translation>
    </message>
    <message>
        <source>Time of day:</source>
        <translation>Time of day:</translation>
    </message>
    <message>
        <source>Reported elsewhere before:</source>
        <translation>Reported elsewhere before:</translation>
    </message>
    <message>
        <source>(given when saved)</source>
        <translation>(given when saved)</translation>
    </message>
    <message>
        <source>Survivor</source>
        <translation>Survivor</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>Sex:</translation>
    </message>
    <message>
        <source>Age:</source>
        <translation>Age:</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Marital status:</source>
        <translation>Marital status:</translation>
    </message>
    <message>
        <source>Disability:</source>
        <translation>Disability:</translation>
    </message>
    <message>
        <source>Type of violence (GBVIMS classification)</source>
        <translation>Type of violence (GBVIMS classification)</translation>
    </message>
    <message>
        <source>Were money, goods or services exchanged?</source>
        <translation>Were money, goods or services exchanged?</translation>
    </message>
    <message>
        <source>Alleged perpetrators</source>
        <translation>Alleged perpetrators</translation>
    </message>
    <message>
        <source>Add perpetrator</source>
        <translation>Add perpetrator</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>The commune&apos;s response</source>
        <translation>The commune&apos;s response</translation>
    </message>
    <message>
        <source>Actions taken:</source>
        <translation>Actions taken:</translation>
    </message>
    <message>
        <source>Risk level:</source>
        <translation>Risk level:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Follow-up date:</source>
        <translation>Follow-up date:</translation>
    </message>
    <message>
        <source>Case worker (CCWC focal point):</source>
        <translation>Case worker (CCWC focal point):</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>nobody yet</translation>
    </message>
    <message>
        <source>She sees the identifying details of this case. Only the chief changes her once saved.</source>
        <translation>She sees the identifying details of this case. Only the chief changes her once saved.</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Consent to referral to services:</source>
        <translation>Consent to referral to services:</translation>
    </message>
    <message>
        <source>She agrees to be counted in statistics (no names)</source>
        <translation>She agrees to be counted in statistics (no names)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Case context: shown once the type is known.</source>
        <translation>Case context: shown once the type is known.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Case context (derived): %1</source>
        <translation>Case context (derived): %1</translation>
    </message>
    <message>
        <source>The month %1 has been approved. You can still follow the case up (status, follow-up date, risk); correcting anything else needs the chief to reopen the month.</source>
        <translation>The month %1 has been approved. You can still follow the case up (status, follow-up date, risk); correcting anything else needs the chief to reopen the month.</translation>
    </message>
    <message>
        <source>Caution: mediation is discouraged in intimate partner violence (GBVIMS and the Cambodian guidelines): it can put her at risk and press her to go back. Record what the commune did; consider a referral and a safety plan.</source>
        <translation>Caution: mediation is discouraged in intimate partner violence (GBVIMS and the Cambodian guidelines): it can put her at risk and press her to go back. Record what the commune did; consider a referral and a safety plan.</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Survivor</source>
        <translation>Survivor</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>GBV type</source>
        <translation>GBV type</translation>
    </message>
    <message>
        <source>Case context</source>
        <translation>Case context</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
</context>
<context>
    <name>IncidentsPage</name>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>All months</source>
        <translation>All months</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>All villages</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>Follow-up due</translation>
    </message>
    <message>
        <source>Search by incident or survivor code</source>
        <translation>Search by incident or survivor code</translation>
    </message>
    <message>
        <source>New incident…</source>
        <translation>New incident…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Refer…</source>
        <translation>Refer…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s)</source>
        <translation>
            <numerusform>%n incident</numerusform>
            <numerusform>%n incidents</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete incident</source>
        <translation>Delete incident</translation>
    </message>
    <message>
        <source>The incident is removed from the lists and statistics but kept in the database with your reason. Why is it being deleted?</source>
        <translation>The incident is removed from the lists and statistics but kept in the database with your reason. Why is it being deleted?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>The incident has been deleted.</source>
        <translation>The incident has been deleted.</translation>
    </message>
</context>
<context>
    <name>Instance</name>
    <message>
        <source>SHSC Desktop is already open on this PC in the Windows account %1 (since %2). Close it there first: switch to that account, or ask that person to sign out.</source>
        <translation>SHSC Desktop is already open on this PC in the Windows account %1 (since %2). Close it there first: switch to that account, or ask that person to sign out.</translation>
    </message>
    <message>
        <source>SHSC Desktop is already open (since %1). Use the window that is open; look for it in the taskbar.</source>
        <translation>SHSC Desktop is already open (since %1). Use the window that is open; look for it in the taskbar.</translation>
    </message>
</context>
<context>
    <name>LegalContextBox</name>
    <message>
        <source>Legal context</source>
        <translation>Legal context</translation>
    </message>
    <message>
        <source>Reported to the police or the prosecutor:</source>
        <translation>Reported to the police or the prosecutor:</translation>
    </message>
    <message>
        <source>Why not reported:</source>
        <translation>Why not reported:</translation>
    </message>
    <message>
        <source>The domestic violence law applies:</source>
        <translation>The domestic violence law applies:</translation>
    </message>
    <message>
        <source>Administrative decision, date:</source>
        <translation>Administrative decision, date:</translation>
    </message>
    <message>
        <source>Measures of the decision:</source>
        <translation>Measures of the decision:</translation>
    </message>
    <message>
        <source>Protection order:</source>
        <translation>Protection order:</translation>
    </message>
    <message>
        <source>Case sent to the prosecutor:</source>
        <translation>Case sent to the prosecutor:</translation>
    </message>
    <message>
        <source>Criminal Procedure Code art. 42: an authority that learns of a crime reports it to the police or the prosecutor. Was it reported?</source>
        <translation>Criminal Procedure Code art. 42: an authority that learns of a crime reports it to the police or the prosecutor. Was it reported?</translation>
    </message>
    <message>
        <source>Why the crime was not reported to the police or the prosecutor.</source>
        <translation>Why the crime was not reported to the police or the prosecutor.</translation>
    </message>
    <message>
        <source>The 2005 Law on the Prevention of Domestic Violence applies to violence between people of one household (spouses, children, dependants, servants).</source>
        <translation>The 2005 Law on the Prevention of Domestic Violence applies to violence between people of one household (spouses, children, dependants, servants).</translation>
    </message>
    <message>
        <source>The day the commune or sangkat chief issued an administrative decision under the domestic violence law.</source>
        <translation>The day the commune or sangkat chief issued an administrative decision under the domestic violence law.</translation>
    </message>
    <message>
        <source>What the administrative decision orders, e.g. a warning letter or the perpetrator&apos;s removal from the home.</source>
        <translation>What the administrative decision orders, e.g. a warning letter or the perpetrator&apos;s removal from the home.</translation>
    </message>
    <message>
        <source>A protection order of the court (DV law art. 20): requested, granted or refused.</source>
        <translation>A protection order of the court (DV law art. 20): requested, granted or refused.</translation>
    </message>
    <message>
        <source>Whether the case file was sent to the prosecutor.</source>
        <translation>Whether the case file was sent to the prosecutor.</translation>
    </message>
</context>
<context>
    <name>LevelPage</name>
    <message>
        <source>Welcome to SHSC Desktop</source>
        <translation>Welcome to SHSC Desktop</translation>
    </message>
    <message>
        <source>Set up this computer for your office. This is done once.</source>
        <translation>Set up this computer for your office. This is done once.</translation>
    </message>
    <message>
        <source>Which office will use this computer?</source>
        <translation>Which office will use this computer?</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>SHSC Desktop – %1</source>
        <translation>SHSC Desktop – %1</translation>
    </message>
    <message>
        <source>Lock (Ctrl+L)</source>
        <translation>Lock (Ctrl+L)</translation>
    </message>
    <message>
        <source>Hide (Ctrl+Shift+H)</source>
        <translation>Hide (Ctrl+Shift+H)</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Tools</translation>
    </message>
    <message>
        <source>Office: %1</source>
        <translation>Office: %1</translation>
    </message>
    <message>
        <source>Signed in: %1 – %2</source>
        <translation>Signed in: %1 – %2</translation>
    </message>
</context>
<context>
    <name>MeetingForm</name>
    <message>
        <source>Meeting minutes</source>
        <translation>Meeting minutes</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Venue (village):</source>
        <translation>Venue (village):</translation>
    </message>
    <message>
        <source>Facilitator:</source>
        <translation>Facilitator:</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Topics discussed</source>
        <translation>Topics discussed</translation>
    </message>
    <message>
        <source>Concerns and decisions</source>
        <translation>Concerns and decisions</translation>
    </message>
    <message>
        <source>Concerns raised:</source>
        <translation>Concerns raised:</translation>
    </message>
    <message>
        <source>Decisions:</source>
        <translation>Decisions:</translation>
    </message>
    <message>
        <source>These are case-conference minutes: they may name survivors, so only the chief or a user given identity access can read them. The meeting, its attendance and its action items are shown; the minutes are kept as they are when you save.</source>
        <translation>These are case-conference minutes: they may name survivors, so only the chief or a user given identity access can read them. The meeting, its attendance and its action items are shown; the minutes are kept as they are when you save.</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>Action items</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>Add action</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>%1 people of the group %2 attended this one meeting. Is this number right?</source>
        <translation>%1 people of the group %2 attended this one meeting. Is this number right?</translation>
    </message>
    <message>
        <source>Yes, save</source>
        <translation>Yes, save</translation>
    </message>
</context>
<context>
    <name>MeetingTableModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>Open actions</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <source>Meetings</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>All months</source>
        <translation>All months</translation>
    </message>
    <message>
        <source>New minutes…</source>
        <translation>New minutes…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Open action items</source>
        <translation>Open action items</translation>
    </message>
    <message>
        <source>Set status</source>
        <translation>Set status</translation>
    </message>
    <message>
        <source>Delete meeting</source>
        <translation>Delete meeting</translation>
    </message>
    <message>
        <source>Why are these minutes being deleted? The reason is kept in the audit log.</source>
        <translation>Why are these minutes being deleted? The reason is kept in the audit log.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>The action item has been updated.</source>
        <translation>The action item has been updated.</translation>
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
        <translation>Too many failed attempts. Wait %1 seconds.</translation>
    </message>
    <message>
        <source>The bundle did not pass its checks.</source>
        <translation>The bundle did not pass its checks.</translation>
    </message>
    <message>
        <source>The file is larger than 5 MB: it is not a bundle.</source>
        <translation>The file is larger than 5 MB: it is not a bundle.</translation>
    </message>
    <message>
        <source>The file cannot be read. Copy it again from the USB stick or e-mail.</source>
        <translation>The file cannot be read. Copy it again from the USB stick or e-mail.</translation>
    </message>
    <message>
        <source>This file is not an SHSC bundle, or it is damaged or cut short.</source>
        <translation>This file is not an SHSC bundle, or it is damaged or cut short.</translation>
    </message>
    <message>
        <source>This bundle cannot be opened with this office&apos;s key: it was made for another office, or it is damaged.</source>
        <translation>This bundle cannot be opened with this office&apos;s key: it was made for another office, or it is damaged.</translation>
    </message>
    <message>
        <source>The signature does not match the content: the file was changed or damaged.</source>
        <translation>The signature does not match the content: the file was changed or damaged.</translation>
    </message>
    <message>
        <source>The sender&apos;s certificate does not come from our ministry: an unknown sender.</source>
        <translation>The sender&apos;s certificate does not come from our ministry: an unknown sender.</translation>
    </message>
    <message>
        <source>The sender&apos;s certificate may not sign bundles for this office (wrong district).</source>
        <translation>The sender&apos;s certificate may not sign bundles for this office (wrong district).</translation>
    </message>
    <message>
        <source>A certificate of this bundle is not valid today. Check this computer&apos;s date; otherwise the sender must renew its certificate.</source>
        <translation>A certificate of this bundle is not valid today. Check this computer&apos;s date; otherwise the sender must renew its certificate.</translation>
    </message>
    <message>
        <source>The revocation list needed to check the sender is missing. Ask for a new bundle.</source>
        <translation>The revocation list needed to check the sender is missing. Ask for a new bundle.</translation>
    </message>
    <message>
        <source>The revocation list has expired. Ask the office above (or the sender) for a new one.</source>
        <translation>The revocation list has expired. Ask the office above (or the sender) for a new one.</translation>
    </message>
    <message>
        <source>The sender&apos;s certificate has been revoked: this office may not send.</source>
        <translation>The sender&apos;s certificate has been revoked: this office may not send.</translation>
    </message>
    <message>
        <source>The content of the bundle is not in the expected form.</source>
        <translation>The content of the bundle is not in the expected form.</translation>
    </message>
    <message>
        <source>This bundle is addressed to another office (it may have been forwarded).</source>
        <translation>This bundle is addressed to another office (it may have been forwarded).</translation>
    </message>
    <message>
        <source>The office named in the bundle is not the one that signed it.</source>
        <translation>The office named in the bundle is not the one that signed it.</translation>
    </message>
    <message>
        <source>The bundle was made by a newer version of SHSC Desktop. Update this computer.</source>
        <translation>The bundle was made by a newer version of SHSC Desktop. Update this computer.</translation>
    </message>
    <message>
        <source>The sender does not report to this office.</source>
        <translation>The sender does not report to this office.</translation>
    </message>
    <message>
        <source>This commune&apos;s office keys changed since it was enrolled — ask the commune chief to verify the office and re-enrol. Nothing was imported.</source>
        <translation>This commune&apos;s office keys changed since it was enrolled — ask the commune chief to verify the office and re-enrol. Nothing was imported.</translation>
    </message>
    <message>
        <source>This district&apos;s office keys changed since it was enrolled — ask the district to verify its office and re-enrol. Nothing was imported.</source>
        <translation>This district&apos;s office keys changed since it was enrolled — ask the district to verify its office and re-enrol. Nothing was imported.</translation>
    </message>
    <message>
        <source>The office keys in this bundle do not vouch for its content: it was forged or damaged. Nothing was imported.</source>
        <translation>The office keys in this bundle do not vouch for its content: it was forged or damaged. Nothing was imported.</translation>
    </message>
    <message>
        <source>The sender enrolled with its office keys, but this bundle does not carry them: it was not made by SHSC Desktop at that office. Nothing was imported.</source>
        <translation>The sender enrolled with its office keys, but this bundle does not carry them: it was not made by SHSC Desktop at that office. Nothing was imported.</translation>
    </message>
    <message>
        <source>A different bundle with the same number or revision was already imported. This may be an attack: tell the chief.</source>
        <translation>A different bundle with the same number or revision was already imported. This may be an attack: tell the chief.</translation>
    </message>
    <message>
        <source>The bundle reports a month that has not happened yet.</source>
        <translation>The bundle reports a month that has not happened yet.</translation>
    </message>
    <message>
        <source>A newer revision of this month from this office was already imported.</source>
        <translation>A newer revision of this month from this office was already imported.</translation>
    </message>
    <message>
        <source>This is an old bundle: a newer one from this office was already imported.</source>
        <translation>This is an old bundle: a newer one from this office was already imported.</translation>
    </message>
    <message>
        <source>The bundle number jumps far ahead of the last one imported; the chief must confirm.</source>
        <translation>The bundle number jumps far ahead of the last one imported; the chief must confirm.</translation>
    </message>
    <message>
        <source>The bundle holds a table or a row that SHSC Desktop does not know. Ask the sender to export the month again with an up-to-date version.</source>
        <translation>The bundle holds a table or a row that SHSC Desktop does not know. Ask the sender to export the month again with an up-to-date version.</translation>
    </message>
    <message>
        <source>A table in the bundle is incomplete or not in the expected form.</source>
        <translation>A table in the bundle is incomplete or not in the expected form.</translation>
    </message>
    <message>
        <source>A number in the bundle is not a possible count (negative, too large or not a number). Tell the chief: the sender&apos;s computer may be faulty or misused.</source>
        <translation>A number in the bundle is not a possible count (negative, too large or not a number). Tell the chief: the sender&apos;s computer may be faulty or misused.</translation>
    </message>
    <message>
        <source>The totals in the bundle do not match its own figures. Tell the chief: the sender&apos;s computer may be faulty or misused.</source>
        <translation>The totals in the bundle do not match its own figures. Tell the chief: the sender&apos;s computer may be faulty or misused.</translation>
    </message>
    <message>
        <source>A table in the bundle does not add up to the headline figure it breaks down. Tell the chief: the sender&apos;s computer may be faulty or misused.</source>
        <translation>A table in the bundle does not add up to the headline figure it breaks down. Tell the chief: the sender&apos;s computer may be faulty or misused.</translation>
    </message>
    <message>
        <source>The certificate file did not pass its checks.</source>
        <translation>The certificate file did not pass its checks.</translation>
    </message>
    <message>
        <source>This file is not a certificate request or package, or it is damaged.</source>
        <translation>This file is not a certificate request or package, or it is damaged.</translation>
    </message>
    <message>
        <source>The file was made by a newer version of SHSC Desktop. Update this computer.</source>
        <translation>The file was made by a newer version of SHSC Desktop. Update this computer.</translation>
    </message>
    <message>
        <source>This request is not from an office directly below this one.</source>
        <translation>This request is not from an office directly below this one.</translation>
    </message>
    <message>
        <source>This package does not answer this office&apos;s certificate request. Ask for the package made for the request you sent.</source>
        <translation>This package does not answer this office&apos;s certificate request. Ask for the package made for the request you sent.</translation>
    </message>
    <message>
        <source>This package comes from another ministry root: do not install it.</source>
        <translation>This package comes from another ministry root: do not install it.</translation>
    </message>
    <message>
        <source>A certificate in the package is not signed by its issuer.</source>
        <translation>A certificate in the package is not signed by its issuer.</translation>
    </message>
    <message>
        <source>A certificate in the package is not valid today. Check this computer&apos;s date.</source>
        <translation>A certificate in the package is not valid today. Check this computer&apos;s date.</translation>
    </message>
    <message>
        <source>The return notice did not pass its checks.</source>
        <translation>The return notice did not pass its checks.</translation>
    </message>
    <message>
        <source>This file is not a return notice from a district.</source>
        <translation>This file is not a return notice from a district.</translation>
    </message>
    <message>
        <source>The notice&apos;s signature is not valid: it was changed on the way or is damaged.</source>
        <translation>The notice&apos;s signature is not valid: it was changed on the way or is damaged.</translation>
    </message>
    <message>
        <source>The notice is not signed by the district that enrolled this commune.</source>
        <translation>The notice is not signed by the district that enrolled this commune.</translation>
    </message>
    <message>
        <source>The notice is not signed by a district.</source>
        <translation>The notice is not signed by a district.</translation>
    </message>
    <message>
        <source>The notice was written for another commune, not for this office.</source>
        <translation>The notice was written for another commune, not for this office.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Nothing was imported.</translation>
    </message>
    <message>
        <source>Nothing was recorded.</source>
        <translation>Nothing was recorded.</translation>
    </message>
    <message>
        <source>Nothing was installed.</source>
        <translation>Nothing was installed.</translation>
    </message>
    <message>
        <source>The database has lost recent changes (for example after a crash that damaged its files). Missing audit entries: %1. Restore the newest backup, or, as the chief, continue without them.</source>
        <translation>The database has lost recent changes (for example after a crash that damaged its files). Missing audit entries: %1. Restore the newest backup, or, as the chief, continue without them.</translation>
    </message>
    <message>
        <source>The user name or password is not correct.</source>
        <translation>The user name or password is not correct.</translation>
    </message>
    <message>
        <source>The key file of this office is damaged or missing. Your records are still in the database, but they can only be opened by restoring a backup.</source>
        <translation>The key file of this office is damaged or missing. Your records are still in the database, but they can only be opened by restoring a backup.</translation>
    </message>
    <message>
        <source>The database of this office is damaged or missing. Restore it from a backup.</source>
        <translation>The database of this office is damaged or missing. Restore it from a backup.</translation>
    </message>
    <message>
        <source>The office&apos;s keys on this computer are not the ones printed on the recovery sheet: someone replaced them. Do not enter survivors&apos; details; call the district.</source>
        <translation>The office&apos;s keys on this computer are not the ones printed on the recovery sheet: someone replaced them. Do not enter survivors&apos; details; call the district.</translation>
    </message>
    <message>
        <source>Your password is correct, but your role in this office has been changed outside the app, so you cannot sign in. This has been recorded. Ask the chief to sign in and set your account right.</source>
        <translation>Your password is correct, but your role in this office has been changed outside the app, so you cannot sign in. This has been recorded. Ask the chief to sign in and set your account right.</translation>
    </message>
    <message>
        <source>The identifying details are sealed. Only the chief and the people she has allowed can open them.</source>
        <translation>The identifying details are sealed. Only the chief and the people she has allowed can open them.</translation>
    </message>
    <message>
        <source>No office has been set up on this computer.</source>
        <translation>No office has been set up on this computer.</translation>
    </message>
    <message>
        <source>An office has already been set up here.</source>
        <translation>An office has already been set up here.</translation>
    </message>
    <message>
        <source>Your role does not allow this. Ask the chief of the office.</source>
        <translation>Your role does not allow this. Ask the chief of the office.</translation>
    </message>
    <message>
        <source>The record or user no longer exists.</source>
        <translation>The record or user no longer exists.</translation>
    </message>
    <message>
        <source>This month has been approved and can no longer be changed.</source>
        <translation>This month has been approved and can no longer be changed.</translation>
    </message>
    <message>
        <source>The file could not be written. Check that the disk or USB stick has space and is not write-protected, then try again. Nothing was changed.</source>
        <translation>The file could not be written. Check that the disk or USB stick has space and is not write-protected, then try again. Nothing was changed.</translation>
    </message>
    <message>
        <source>The file is open in another program (for example a PDF reader or Excel). Close the file in other programs, then try again. Nothing was changed.</source>
        <translation>The file is open in another program (for example a PDF reader or Excel). Close the file in other programs, then try again. Nothing was changed.</translation>
    </message>
    <message>
        <source>This backup file is damaged or is not an SHSC Desktop backup. Nothing was changed.</source>
        <translation>This backup file is damaged or is not an SHSC Desktop backup. Nothing was changed.</translation>
    </message>
    <message>
        <source>This backup is older than the data on this computer. Restoring it would lose newer records.</source>
        <translation>This backup is older than the data on this computer. Restoring it would lose newer records.</translation>
    </message>
    <message>
        <source>An office is set up on this computer. Restoring over it needs the password of its chief or its recovery key. Nothing was changed.</source>
        <translation>An office is set up on this computer. Restoring over it needs the password of its chief or its recovery key. Nothing was changed.</translation>
    </message>
    <message>
        <source>The key files of the office on this computer cannot be read. A backup can only replace whatever is here, knowingly. Nothing was changed.</source>
        <translation>The key files of the office on this computer cannot be read. A backup can only replace whatever is here, knowingly. Nothing was changed.</translation>
    </message>
    <message>
        <source>This backup belongs to another office. Nothing was changed.</source>
        <translation>This backup belongs to another office. Nothing was changed.</translation>
    </message>
    <message>
        <source>The audit log has been altered or damaged. Restore the newest backup, or, as the chief, continue with what is left.</source>
        <translation>The audit log has been altered or damaged. Restore the newest backup, or, as the chief, continue with what is left.</translation>
    </message>
    <message>
        <source>This arrives in a later version.</source>
        <translation>This arrives in a later version.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>Cancelled. Nothing was changed.</translation>
    </message>
    <message>
        <source>The survivor has not agreed to this referral. Record her consent, or ask the chief to override it with a reason.</source>
        <translation>The survivor has not agreed to this referral. Record her consent, or ask the chief to override it with a reason.</translation>
    </message>
    <message>
        <source>Someone else saved this record after you opened it. Close it and open it again to see their changes.</source>
        <translation>Someone else saved this record after you opened it. Close it and open it again to see their changes.</translation>
    </message>
    <message>
        <source>Nothing was imported: the file has rows with problems.</source>
        <translation>Nothing was imported: the file has rows with problems.</translation>
    </message>
    <message>
        <source>The certificate file did not pass its checks. Nothing was installed.</source>
        <translation>The certificate file did not pass its checks. Nothing was installed.</translation>
    </message>
    <message>
        <source>The bundle did not pass its checks. Nothing was imported.</source>
        <translation>The bundle did not pass its checks. Nothing was imported.</translation>
    </message>
    <message>
        <source>The disk is full — nothing was saved. Free some space, then press Save again.</source>
        <translation>The disk is full — nothing was saved. Free some space, then press Save again.</translation>
    </message>
    <message>
        <source>The disk could not be written — nothing was saved. It may be full, removed or failing: check it, then try again.</source>
        <translation>The disk could not be written — nothing was saved. It may be full, removed or failing: check it, then try again.</translation>
    </message>
    <message>
        <source>The records are in use by another SHSC Desktop window or program — nothing was saved. Close it, then try again.</source>
        <translation>The records are in use by another SHSC Desktop window or program — nothing was saved. Close it, then try again.</translation>
    </message>
    <message>
        <source>The records cannot be written: the file, its folder or the disk is read-only — nothing was saved. Ask whoever set up this computer to allow writing there.</source>
        <translation>The records cannot be written: the file, its folder or the disk is read-only — nothing was saved. Ask whoever set up this computer to allow writing there.</translation>
    </message>
    <message>
        <source>The records could not be read or written — nothing was saved. Try again.</source>
        <translation>The records could not be read or written — nothing was saved. Try again.</translation>
    </message>
    <message>
        <source>The operation failed: %1</source>
        <translation>The operation failed: %1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>OfficeKeysLine</name>
    <message>
        <source>Office keys: not created yet (the chief&apos;s next sign-in creates them).</source>
        <translation>Office keys: not created yet (the chief&apos;s next sign-in creates them).</translation>
    </message>
    <message>
        <source>Office keys: %1 (the fingerprint on the recovery sheet)</source>
        <translation>Office keys: %1 (the fingerprint on the recovery sheet)</translation>
    </message>
</context>
<context>
    <name>OfficeKeysWarning</name>
    <message>
        <source>The office keys on this computer (%1) are not the ones the office above enrolled (%2). Someone may have replaced them. Reports sent now will be refused. The chief should compare the fingerprint on the recovery sheet (verify-office) and enrol the office again.</source>
        <translation>The office keys on this computer (%1) are not the ones the office above enrolled (%2). Someone may have replaced them. Reports sent now will be refused. The chief should compare the fingerprint on the recovery sheet (verify-office) and enrol the office again.</translation>
    </message>
</context>
<context>
    <name>PerpetratorTable</name>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Age group</source>
        <translation>Age group</translation>
    </message>
    <message>
        <source>Relationship to her</source>
        <translation>Relationship to her</translation>
    </message>
</context>
<context>
    <name>PlacePage</name>
    <message>
        <source>Where is the office?</source>
        <translation>Where is the office?</translation>
    </message>
    <message>
        <source>Which district or khan?</source>
        <translation>Which district or khan?</translation>
    </message>
    <message>
        <source>Choose the province, then the district or khan, then the commune or sangkat.</source>
        <translation>Choose the province, then the district or khan, then the commune or sangkat.</translation>
    </message>
    <message>
        <source>Choose the province, then the district or khan.</source>
        <translation>Choose the province, then the district or khan.</translation>
    </message>
    <message>
        <source>Province or capital:</source>
        <translation>Province or capital:</translation>
    </message>
    <message>
        <source>District or khan:</source>
        <translation>District or khan:</translation>
    </message>
    <message>
        <source>Commune or sangkat:</source>
        <translation>Commune or sangkat:</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This section arrives in a later version.</source>
        <translation>This section arrives in a later version.</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>Enter a real date: year (4 digits), month and day.</source>
        <translation>Enter a real date: year (4 digits), month and day.</translation>
    </message>
    <message>
        <source>Please correct the marked fields.</source>
        <translation>Please correct the marked fields.</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>This field is required.</translation>
    </message>
    <message>
        <source>Choose a value from the list.</source>
        <translation>Choose a value from the list.</translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation>This date is in the future.</translation>
    </message>
    <message>
        <source>No commune of this district has reported for %1: there is nothing to send. Missing is not zero.</source>
        <translation>No commune of this district has reported for %1: there is nothing to send. Missing is not zero.</translation>
    </message>
    <message>
        <source>Give the password on standard input with --password-stdin.</source>
        <translation>Give the password on standard input with --password-stdin.</translation>
    </message>
    <message>
        <source>The %1 on standard input is longer than %2 bytes.</source>
        <translation>The %1 on standard input is longer than %2 bytes.</translation>
    </message>
    <message>
        <source>The %1 on standard input is not UTF-8 text.</source>
        <translation>The %1 on standard input is not UTF-8 text.</translation>
    </message>
    <message>
        <source>Name the user with --user.</source>
        <translation>Name the user with --user.</translation>
    </message>
    <message>
        <source>Give the recovery key on the first line of standard input.</source>
        <translation>Give the recovery key on the first line of standard input.</translation>
    </message>
    <message>
        <source>Give the password for the exported key on the second line of standard input.</source>
        <translation>Give the password for the exported key on the second line of standard input.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not available yet in this version.</source>
        <translation>&apos;%1&apos; is not available yet in this version.</translation>
    </message>
    <message>
        <source>This file is too large for a certificate request or package.</source>
        <translation>This file is too large for a certificate request or package.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>A commune certifies no other office.</source>
        <translation>A commune certifies no other office.</translation>
    </message>
    <message>
        <source>This office has not set up its root yet.</source>
        <translation>This office has not set up its root yet.</translation>
    </message>
    <message>
        <source>This office has not set up its certificates from the ministry yet.</source>
        <translation>This office has not set up its certificates from the ministry yet.</translation>
    </message>
    <message>
        <source>Only the ministry creates the root certificate.</source>
        <translation>Only the ministry creates the root certificate.</translation>
    </message>
    <message>
        <source>The ministry root already exists.</source>
        <translation>The ministry root already exists.</translation>
    </message>
    <message>
        <source>The ministry holds the root and requests nothing.</source>
        <translation>The ministry holds the root and requests nothing.</translation>
    </message>
    <message>
        <source>This office has no pending certificate request.</source>
        <translation>This office has no pending certificate request.</translation>
    </message>
    <message>
        <source>Give a reason for the revocation.</source>
        <translation>Give a reason for the revocation.</translation>
    </message>
    <message>
        <source>Office %1 is not enrolled here.</source>
        <translation>Office %1 is not enrolled here.</translation>
    </message>
    <message>
        <source>Protect the exported key with at least 8 characters.</source>
        <translation>Protect the exported key with at least 8 characters.</translation>
    </message>
    <message>
        <source>This office receives no bundles (or is not enrolled yet): no key to export.</source>
        <translation>This office receives no bundles (or is not enrolled yet): no key to export.</translation>
    </message>
    <message>
        <source>No office has been set up in %1.</source>
        <translation>No office has been set up in %1.</translation>
    </message>
    <message>
        <source>%1 already exists; choose a new file name.</source>
        <translation>%1 already exists; choose a new file name.</translation>
    </message>
    <message>
        <source>The plain copy could not be written: %1</source>
        <translation>The plain copy could not be written: %1</translation>
    </message>
    <message>
        <source>The database could not be opened with the recovery key.</source>
        <translation>The database could not be opened with the recovery key.</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>The file cannot be read: %1</translation>
    </message>
    <message>
        <source>The file is too large for a directory (more than 10 MB).</source>
        <translation>The file is too large for a directory (more than 10 MB).</translation>
    </message>
    <message>
        <source>Missing column(s): %1</source>
        <translation>Missing column(s): %1</translation>
    </message>
    <message>
        <source>A directory file may hold at most %1 rows.</source>
        <translation>A directory file may hold at most %1 rows.</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text. Save it as &apos;CSV UTF-8&apos;.</source>
        <translation>The file is not UTF-8 text. Save it as &apos;CSV UTF-8&apos;.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <source>The CSV text is malformed: %1</source>
        <translation>The CSV text is malformed: %1</translation>
    </message>
    <message>
        <source>The file is not a readable XLSX workbook.</source>
        <translation>The file is not a readable XLSX workbook.</translation>
    </message>
    <message>
        <source>The workbook has no sheet.</source>
        <translation>The workbook has no sheet.</translation>
    </message>
    <message>
        <source>No incident %1.</source>
        <translation>No incident %1.</translation>
    </message>
    <message>
        <source>The survivor has not consented to being referred to services. Only the chief can override this, giving a reason.</source>
        <translation>The survivor has not consented to being referred to services. Only the chief can override this, giving a reason.</translation>
    </message>
    <message>
        <source>The file holds no directory rows.</source>
        <translation>The file holds no directory rows.</translation>
    </message>
    <message>
        <source>the same id is on line %1.</source>
        <translation>the same id is on line %1.</translation>
    </message>
    <message>
        <source>Only question marks: the Khmer letters were lost when the file was saved. In Excel use Save As, &apos;CSV UTF-8 (Comma delimited)&apos; (or save as XLSX), then import again.</source>
        <translation>Only question marks: the Khmer letters were lost when the file was saved. In Excel use Save As, &apos;CSV UTF-8 (Comma delimited)&apos; (or save as XLSX), then import again.</translation>
    </message>
    <message>
        <source>The incident date cannot be after the report date.</source>
        <translation>The incident date cannot be after the report date.</translation>
    </message>
    <message>
        <source>This incident does not exist or has been deleted.</source>
        <translation>This incident does not exist or has been deleted.</translation>
    </message>
    <message>
        <source>This referral does not exist or has been deleted.</source>
        <translation>This referral does not exist or has been deleted.</translation>
    </message>
    <message>
        <source>This meeting does not exist or has been deleted.</source>
        <translation>This meeting does not exist or has been deleted.</translation>
    </message>
    <message>
        <source>This directory entry does not exist.</source>
        <translation>This directory entry does not exist.</translation>
    </message>
    <message>
        <source>This action item does not exist.</source>
        <translation>This action item does not exist.</translation>
    </message>
    <message>
        <source>This date cannot be before the report date.</source>
        <translation>This date cannot be before the report date.</translation>
    </message>
    <message>
        <source>This date cannot be before the referral date.</source>
        <translation>This date cannot be before the referral date.</translation>
    </message>
    <message>
        <source>This date cannot be before the meeting date.</source>
        <translation>This date cannot be before the meeting date.</translation>
    </message>
    <message>
        <source>Enter an age between 0 and 120.</source>
        <translation>Enter an age between 0 and 120.</translation>
    </message>
    <message>
        <source>Choose a CCWC focal point of this office.</source>
        <translation>Choose a CCWC focal point of this office.</translation>
    </message>
    <message>
        <source>&apos;None&apos; cannot be combined with other actions.</source>
        <translation>&apos;None&apos; cannot be combined with other actions.</translation>
    </message>
    <message>
        <source>Choose a village of this commune.</source>
        <translation>Choose a village of this commune.</translation>
    </message>
    <message>
        <source>Set a follow-up date for a record in follow-up.</source>
        <translation>Set a follow-up date for a record in follow-up.</translation>
    </message>
    <message>
        <source>This text is too long.</source>
        <translation>This text is too long.</translation>
    </message>
    <message>
        <source>Give a reason (at least 5 characters).</source>
        <translation>Give a reason (at least 5 characters).</translation>
    </message>
    <message>
        <source>Enter a number between 0 and 10000.</source>
        <translation>Enter a number between 0 and 10000.</translation>
    </message>
    <message>
        <source>Each group can be counted only once.</source>
        <translation>Each group can be counted only once.</translation>
    </message>
    <message>
        <source>This provider is no longer active.</source>
        <translation>This provider is no longer active.</translation>
    </message>
    <message>
        <source>This provider does not offer this service.</source>
        <translation>This provider does not offer this service.</translation>
    </message>
    <message>
        <source>This record does not exist.</source>
        <translation>This record does not exist.</translation>
    </message>
    <message>
        <source>Enter a date as YYYY-MM-DD.</source>
        <translation>Enter a date as YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>Enter a month as YYYY-MM.</source>
        <translation>Enter a month as YYYY-MM.</translation>
    </message>
    <message>
        <source>Enter the organisation&apos;s name in Khmer or in English.</source>
        <translation>Enter the organisation&apos;s name in Khmer or in English.</translation>
    </message>
    <message>
        <source>Enter a valid e-mail address.</source>
        <translation>Enter a valid e-mail address.</translation>
    </message>
    <message>
        <source>Set the date of the outcome.</source>
        <translation>Set the date of the outcome.</translation>
    </message>
    <message>
        <source>Answer the questions in order until one is yes, or all six are no.</source>
        <translation>Answer the questions in order until one is yes, or all six are no.</translation>
    </message>
    <message>
        <source>A month can be approved only once it has begun.</source>
        <translation>A month can be approved only once it has begun.</translation>
    </message>
    <message>
        <source>A month can be approved only after its last day.</source>
        <translation>A month can be approved only after its last day.</translation>
    </message>
    <message>
        <source>This month is already approved and its figures have not changed since.</source>
        <translation>This month is already approved and its figures have not changed since.</translation>
    </message>
    <message>
        <source>This month is not approved.</source>
        <translation>This month is not approved.</translation>
    </message>
    <message>
        <source>This provider has referrals; mark it inactive instead.</source>
        <translation>This provider has referrals; mark it inactive instead.</translation>
    </message>
    <message>
        <source>Enter a Cambodian phone number: 0 or +855, then 8 or 9 digits.</source>
        <translation>Enter a Cambodian phone number: 0 or +855, then 8 or 9 digits.</translation>
    </message>
    <message>
        <source>Record at least one person who attended.</source>
        <translation>Record at least one person who attended.</translation>
    </message>
    <message>
        <source>Choose a user name of 1 to 64 characters.</source>
        <translation>Choose a user name of 1 to 64 characters.</translation>
    </message>
    <message>
        <source>This user name is already taken.</source>
        <translation>This user name is already taken.</translation>
    </message>
    <message>
        <source>This role does not exist at this office level.</source>
        <translation>This role does not exist at this office level.</translation>
    </message>
    <message>
        <source>You cannot remove yourself.</source>
        <translation>You cannot remove yourself.</translation>
    </message>
    <message>
        <source>No such active user in this office.</source>
        <translation>No such active user in this office.</translation>
    </message>
    <message>
        <source>Choose between %1 and %2 minutes.</source>
        <translation>Choose between %1 and %2 minutes.</translation>
    </message>
    <message>
        <source>Choose between %1 and %2 months.</source>
        <translation>Choose between %1 and %2 months.</translation>
    </message>
    <message>
        <source>Choose between %1 and %2 days.</source>
        <translation>Choose between %1 and %2 days.</translation>
    </message>
    <message>
        <source>Choose between %1 and %2 years.</source>
        <translation>Choose between %1 and %2 years.</translation>
    </message>
    <message>
        <source>Only an approved month can be exported: approve it first.</source>
        <translation>Only an approved month can be exported: approve it first.</translation>
    </message>
    <message>
        <source>This office has no certificate yet: enrol with the office above first.</source>
        <translation>This office has no certificate yet: enrol with the office above first.</translation>
    </message>
    <message>
        <source>The password must have at least %1 characters.</source>
        <translation>The password must have at least %1 characters.</translation>
    </message>
    <message>
        <source>No such user.</source>
        <translation>No such user.</translation>
    </message>
    <message>
        <source>The last user cannot be removed.</source>
        <translation>The last user cannot be removed.</translation>
    </message>
    <message>
        <source>Under 18: choose how her consent is given (guardian, trusted adult, best interests).</source>
        <translation>Under 18: choose how her consent is given (guardian, trusted adult, best interests).</translation>
    </message>
    <message>
        <source>Say why her guardian does not give the consent for this route.</source>
        <translation>Say why her guardian does not give the consent for this route.</translation>
    </message>
    <message>
        <source>Say who took the best-interests decision.</source>
        <translation>Say who took the best-interests decision.</translation>
    </message>
    <message>
        <source>Only a best-interests decision has someone who took it.</source>
        <translation>Only a best-interests decision has someone who took it.</translation>
    </message>
    <message>
        <source>Her guardian consents: no reason is needed, clear it.</source>
        <translation>Her guardian consents: no reason is needed, clear it.</translation>
    </message>
    <message>
        <source>A child survivor must be offered a referral to child protection: answer.</source>
        <translation>A child survivor must be offered a referral to child protection: answer.</translation>
    </message>
    <message>
        <source>Say why it was not reported to the police or the prosecutor.</source>
        <translation>Say why it was not reported to the police or the prosecutor.</translation>
    </message>
    <message>
        <source>Give the date of the decision.</source>
        <translation>Give the date of the decision.</translation>
    </message>
    <message>
        <source>Tick at least one measure of the decision.</source>
        <translation>Tick at least one measure of the decision.</translation>
    </message>
    <message>
        <source>The decision cannot be dated before the incident.</source>
        <translation>The decision cannot be dated before the incident.</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Discard the changes made in this form?</source>
        <translation>Discard the changes made in this form?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Discard changes</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Use the recovery key</source>
        <translation>Use the recovery key</translation>
    </message>
    <message>
        <source>Type the recovery key printed when the office was set up, choose the user and give them a new password.</source>
        <translation>Type the recovery key printed when the office was set up, choose the user and give them a new password.</translation>
    </message>
    <message>
        <source>Recovery key:</source>
        <translation>Recovery key:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>User:</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>New password:</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>New password again:</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Type the recovery key.</source>
        <translation>Type the recovery key.</translation>
    </message>
    <message>
        <source>The recovery key is not correct.</source>
        <translation>The recovery key is not correct.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <source>The recovery key</source>
        <translation>The recovery key</translation>
    </message>
    <message>
        <source>It is shown only this once.</source>
        <translation>It is shown only this once.</translation>
    </message>
    <message>
        <source>If every password is forgotten, this key is the only way to open the office&apos;s records. Print it or write it down now.</source>
        <translation>If every password is forgotten, this key is the only way to open the office&apos;s records. Print it or write it down now.</translation>
    </message>
    <message>
        <source>Keep the paper in a sealed envelope in a locked place, away from this computer. Anyone who has the key can open the records.</source>
        <translation>Keep the paper in a sealed envelope in a locked place, away from this computer. Anyone who has the key can open the records.</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>I have printed or written down the recovery key and stored it safely.</source>
        <translation>I have printed or written down the recovery key and stored it safely.</translation>
    </message>
    <message>
        <source>SHSC Desktop – recovery key</source>
        <translation>SHSC Desktop – recovery key</translation>
    </message>
    <message>
        <source>Office: %1 (code %2)</source>
        <translation>Office: %1 (code %2)</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Date: %1</translation>
    </message>
    <message>
        <source>Office key fingerprint: %1</source>
        <translation>Office key fingerprint: %1</translation>
    </message>
    <message>
        <source>If the app ever shows another fingerprint, the office&apos;s keys were replaced: call the district.</source>
        <translation>If the app ever shows another fingerprint, the office&apos;s keys were replaced: call the district.</translation>
    </message>
    <message>
        <source>Print the recovery key</source>
        <translation>Print the recovery key</translation>
    </message>
</context>
<context>
    <name>ReferralForm</name>
    <message>
        <source>New referral</source>
        <translation>New referral</translation>
    </message>
    <message>
        <source>Incident:</source>
        <translation>Incident:</translation>
    </message>
    <message>
        <source>Service needed:</source>
        <translation>Service needed:</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Provider:</translation>
    </message>
    <message>
        <source>Urgency:</source>
        <translation>Urgency:</translation>
    </message>
    <message>
        <source>How she is referred:</source>
        <translation>How she is referred:</translation>
    </message>
    <message>
        <source>Date referred:</source>
        <translation>Date referred:</translation>
    </message>
    <message>
        <source>Follow-up date:</source>
        <translation>Follow-up date:</translation>
    </message>
    <message>
        <source>No active provider in the directory offers this service. Add one under Contacts.</source>
        <translation>No active provider in the directory offers this service. Add one under Contacts.</translation>
    </message>
    <message>
        <source>She has agreed to be referred to services.</source>
        <translation>She has agreed to be referred to services.</translation>
    </message>
    <message>
        <source>She has not agreed to be referred to services (%1). A referral will be refused unless the chief overrides it with a reason.</source>
        <translation>She has not agreed to be referred to services (%1). A referral will be refused unless the chief overrides it with a reason.</translation>
    </message>
    <message>
        <source>Refer</source>
        <translation>Refer</translation>
    </message>
    <message>
        <source>Override with reason…</source>
        <translation>Override with reason…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Override consent</source>
        <translation>Override consent</translation>
    </message>
    <message>
        <source>She has not agreed to this referral. Overriding her choice is recorded in the audit log with your name and reason. Why is the referral needed anyway?</source>
        <translation>She has not agreed to this referral. Overriding her choice is recorded in the audit log with your name and reason. Why is the referral needed anyway?</translation>
    </message>
    <message>
        <source>Override and refer</source>
        <translation>Override and refer</translation>
    </message>
</context>
<context>
    <name>ReferralTableModel</name>
    <message>
        <source>Referred</source>
        <translation>Referred</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Response</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
</context>
<context>
    <name>ReferralUpdateDialog</name>
    <message>
        <source>Referral of %1 for %2</source>
        <translation>Referral of %1 for %2</translation>
    </message>
    <message>
        <source>Response:</source>
        <translation>Response:</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Outcome:</translation>
    </message>
    <message>
        <source>Date of the outcome:</source>
        <translation>Date of the outcome:</translation>
    </message>
    <message>
        <source>Next follow-up:</source>
        <translation>Next follow-up:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReferralsPage</name>
    <message>
        <source>Referrals</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Referrals of one incident</source>
        <translation>Referrals of one incident</translation>
    </message>
    <message>
        <source>Incident code, e.g. KH-120101-202501-0001</source>
        <translation>Incident code, e.g. KH-120101-202501-0001</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>New referral…</source>
        <translation>New referral…</translation>
    </message>
    <message>
        <source>Response and outcome…</source>
        <translation>Response and outcome…</translation>
    </message>
    <message>
        <source>Follow-ups due / overdue</source>
        <translation>Follow-ups due / overdue</translation>
    </message>
    <message>
        <source>Include the next 7 days</source>
        <translation>Include the next 7 days</translation>
    </message>
    <message>
        <source>Print slip…</source>
        <translation>Print slip…</translation>
    </message>
    <message>
        <source>All referrals</source>
        <translation>All referrals</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>Follow-up due</translation>
    </message>
    <message>
        <source>All months</source>
        <translation>All months</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>All services</translation>
    </message>
    <message>
        <source>All responses</source>
        <translation>All responses</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>All outcomes</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%1 of %2 shown</translation>
    </message>
    <message numerus="yes">
        <source>%n referral(s)</source>
        <translation>
            <numerusform>%n referral</numerusform>
            <numerusform>%n referrals</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 due, %2 overdue</source>
        <translation>%1 due, %2 overdue</translation>
    </message>
    <message>
        <source>Type an incident code, or choose a follow-up below.</source>
        <translation>Type an incident code, or choose a follow-up below.</translation>
    </message>
    <message>
        <source>%1 · survivor %2 · %3 · consent to services: %4</source>
        <translation>%1 · survivor %2 · %3 · consent to services: %4</translation>
    </message>
</context>
<context>
    <name>RegisterHomePage</name>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>%1, %2 (code %3)</source>
        <translation>%1, %2 (code %3)</translation>
    </message>
    <message>
        <source>%1 by %2. Case work since then has changed its figures: prints and the bundle still show revision %3 until you approve a revision.</source>
        <translation>%1 by %2. Case work since then has changed its figures: prints and the bundle still show revision %3 until you approve a revision.</translation>
    </message>
    <message>
        <source>%1 by %2. Its figures are kept as approved; case work goes on.</source>
        <translation>%1 by %2. Its figures are kept as approved; case work goes on.</translation>
    </message>
    <message>
        <source>Approve this month…</source>
        <translation>Approve this month…</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <source>Lock the office with Ctrl+L when you leave the computer; Ctrl+Shift+H hides everything at once.</source>
        <translation>Lock the office with Ctrl+L when you leave the computer; Ctrl+Shift+H hides everything at once.</translation>
    </message>
    <message>
        <source>Reopen the month, correct it, approve it again and send the new revision.</source>
        <translation>Reopen the month, correct it, approve it again and send the new revision.</translation>
    </message>
    <message>
        <source>This month (%1)</source>
        <translation>This month (%1)</translation>
    </message>
    <message>
        <source>incidents reported</source>
        <translation>incidents reported</translation>
    </message>
    <message>
        <source>of them intimate partner violence</source>
        <translation>of them intimate partner violence</translation>
    </message>
    <message>
        <source>referrals made</source>
        <translation>referrals made</translation>
    </message>
    <message>
        <source>meetings held</source>
        <translation>meetings held</translation>
    </message>
    <message>
        <source>follow-ups due today or overdue (%1 overdue)</source>
        <translation>follow-ups due today or overdue (%1 overdue)</translation>
    </message>
    <message>
        <source>open action items from meetings (%1 overdue)</source>
        <translation>open action items from meetings (%1 overdue)</translation>
    </message>
    <message>
        <source>Approval of %1</source>
        <translation>Approval of %1</translation>
    </message>
    <message>
        <source>Approve a revision…</source>
        <translation>Approve a revision…</translation>
    </message>
    <message>
        <source>Approve %1? Its figures will be kept as approved for every print and bundle, and its records locked against corrections (case work goes on). You can reopen the month later, giving a reason.</source>
        <translation>Approve %1? Its figures will be kept as approved for every print and bundle, and its records locked against corrections (case work goes on). You can reopen the month later, giving a reason.</translation>
    </message>
    <message>
        <source>%1: records of this month can still be added and changed.</source>
        <translation>%1: records of this month can still be added and changed.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>%1 has been approved.</source>
        <translation>%1 has been approved.</translation>
    </message>
    <message>
        <source>Reopen the month</source>
        <translation>Reopen the month</translation>
    </message>
    <message>
        <source>Why does %1 need to be reopened? The reason is kept in the audit log.</source>
        <translation>Why does %1 need to be reopened? The reason is kept in the audit log.</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>%1 has been reopened.</source>
        <translation>%1 has been reopened.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>The month at a glance</source>
        <translation>The month at a glance</translation>
    </message>
    <message>
        <source>Incidents by type of violence and age of survivor</source>
        <translation>Incidents by type of violence and age of survivor</translation>
    </message>
    <message>
        <source>Alleged perpetrator&apos;s relationship to the survivor</source>
        <translation>Alleged perpetrator&apos;s relationship to the survivor</translation>
    </message>
    <message>
        <source>Referrals by service and response</source>
        <translation>Referrals by service and response</translation>
    </message>
    <message>
        <source>Actions taken by the commune</source>
        <translation>Actions taken by the commune</translation>
    </message>
    <message>
        <source>Meeting attendance by group and sex</source>
        <translation>Meeting attendance by group and sex</translation>
    </message>
    <message>
        <source>Data quality</source>
        <translation>Data quality</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Type of violence</source>
        <translation>Type of violence</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Monthly summary</source>
        <translation>Monthly summary</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>Month:</translation>
    </message>
    <message>
        <source>Language of the PDF:</source>
        <translation>Language of the PDF:</translation>
    </message>
    <message>
        <source>Copy for sharing outside the commune (hide counts below 5)</source>
        <translation>Copy for sharing outside the commune (hide counts below 5)</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Approve a revision…</source>
        <translation>Approve a revision…</translation>
    </message>
    <message>
        <source>Your role does not allow reports. Ask the chief of the office.</source>
        <translation>Your role does not allow reports. Ask the chief of the office.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>A new revision of %1 has been approved.</source>
        <translation>A new revision of %1 has been approved.</translation>
    </message>
    <message>
        <source>Approve the current figures of %1 as a new revision? Prints and the next bundle will use them, marked as a revision.</source>
        <translation>Approve the current figures of %1 as a new revision? Prints and the next bundle will use them, marked as a revision.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Month status: %1</source>
        <translation>Month status: %1</translation>
    </message>
    <message>
        <source>Approved figures, revision %1.</source>
        <translation>Approved figures, revision %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n figures changed by case work since approval. Prints and the bundle keep the approved revision until the chief approves a revision.</source>
        <translation>
            <numerusform>%n figure changed by case work since approval. Prints and the bundle keep the approved revision until the chief approves a revision.</numerusform>
            <numerusform>%n figures changed by case work since approval. Prints and the bundle keep the approved revision until the chief approves a revision.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n incidents without the survivor&apos;s consent to reporting are not counted.</source>
        <translation>
            <numerusform>%n incident without the survivor&apos;s consent to reporting is not counted.</numerusform>
            <numerusform>%n incidents without the survivor&apos;s consent to reporting are not counted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n pages to the printer.</source>
        <translation>
            <numerusform>Sent %n page to the printer.</numerusform>
            <numerusform>Sent %n pages to the printer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nil report: no incidents were reported this month. This is a complete report.</source>
        <translation>Nil report: no incidents were reported this month. This is a complete report.</translation>
    </message>
    <message>
        <source>Shared copy: counts below 5 are shown as &lt;5, x hides a count that a total would reveal, and · marks the tables left out because they would reveal a count below 5.</source>
        <translation>Shared copy: counts below 5 are shown as &lt;5, x hides a count that a total would reveal, and · marks the tables left out because they would reveal a count below 5.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was written or printed.</source>
        <translation>Cancelled. Nothing was written or printed.</translation>
    </message>
    <message>
        <source>Save the monthly summary as PDF</source>
        <translation>Save the monthly summary as PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Print the monthly summary</source>
        <translation>Print the monthly summary</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>Set a temporary password for %1. They must change it when they next sign in.</source>
        <translation>Set a temporary password for %1. They must change it when they next sign in.</translation>
    </message>
    <message>
        <source>Temporary password:</source>
        <translation>Temporary password:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Password again:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SettingsPart</name>
    <message>
        <source>Perpetrators&apos; names:</source>
        <translation>Perpetrators&apos; names:</translation>
    </message>
    <message>
        <source>Record them</source>
        <translation>Record them</translation>
    </message>
    <message>
        <source>Keep identities of closed cases:</source>
        <translation>Keep identities of closed cases:</translation>
    </message>
    <message>
        <source>always</source>
        <translation>always</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Lock after inactivity:</source>
        <translation>Lock after inactivity:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Survivors&apos; identifying details are kept until a record is deleted.</source>
        <translation>Survivors&apos; identifying details are kept until a record is deleted.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>SHSC Desktop – setup</source>
        <translation>SHSC Desktop – setup</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Create the office</source>
        <translation>Create the office</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SlipDialog</name>
    <message>
        <source>Print referral slip</source>
        <translation>Print referral slip</translation>
    </message>
    <message>
        <source>For the service provider</source>
        <translation>For the service provider</translation>
    </message>
    <message>
        <source>For the survivor to carry</source>
        <translation>For the survivor to carry</translation>
    </message>
    <message>
        <source>Slip:</source>
        <translation>Slip:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Details that name her</source>
        <translation>Details that name her</translation>
    </message>
    <message>
        <source>Tick only what she agreed to have on the slip. The account of what happened is never printed.</source>
        <translation>Tick only what she agreed to have on the slip. The account of what happened is never printed.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>She has not agreed to this referral and the chief has not overridden it: no slip can be printed.</source>
        <translation>She has not agreed to this referral and the chief has not overridden it: no slip can be printed.</translation>
    </message>
    <message>
        <source>Save the referral slip as PDF</source>
        <translation>Save the referral slip as PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>The slip was sent to the printer.</source>
        <translation>The slip was sent to the printer.</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <source>Month:</source>
        <translation>Month:</translation>
    </message>
    <message>
        <source>Print district summary…</source>
        <translation>Print district summary…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Export tables (XLSX)…</source>
        <translation>Export tables (XLSX)…</translation>
    </message>
    <message>
        <source>Exact counts, for this office only. The printed summary and the exported tables hide numbers from 1 to 4 (shown as &lt;5).</source>
        <translation>Exact counts, for this office only. The printed summary and the exported tables hide numbers from 1 to 4 (shown as &lt;5).</translation>
    </message>
    <message>
        <source>The month at a glance</source>
        <translation>The month at a glance</translation>
    </message>
    <message>
        <source>By office: incidents by type of violence</source>
        <translation>By office: incidents by type of violence</translation>
    </message>
    <message>
        <source>All tables</source>
        <translation>All tables</translation>
    </message>
    <message>
        <source>Reports received: %1 of %2 (nil reports: %3). Missing: %4</source>
        <translation>Reports received: %1 of %2 (nil reports: %3). Missing: %4</translation>
    </message>
    <message>
        <source>Incidents by type of violence</source>
        <translation>Incidents by type of violence</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Nil report</source>
        <translation>Nil report</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Not enrolled</source>
        <translation>Not enrolled</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Save the district summary</source>
        <translation>Save the district summary</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Print the district summary</source>
        <translation>Print the district summary</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n pages to the printer.</source>
        <translation>
            <numerusform>Sent %n page to the printer.</numerusform>
            <numerusform>Sent %n pages to the printer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the tables</source>
        <translation>Save the tables</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>Written (numbers below 5 hidden): %1</source>
        <translation>Written (numbers below 5 hidden): %1</translation>
    </message>
    <message>
        <source>Print national summary…</source>
        <translation>Print national summary…</translation>
    </message>
    <message>
        <source>Save the national summary</source>
        <translation>Save the national summary</translation>
    </message>
    <message>
        <source>Print the national summary</source>
        <translation>Print the national summary</translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <source>SHSC Desktop – sign in</source>
        <translation>SHSC Desktop – sign in</translation>
    </message>
    <message>
        <source>SHSC Desktop</source>
        <translation>SHSC Desktop</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>User:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Forgot password? Use the recovery key</source>
        <translation>Forgot password? Use the recovery key</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <source>Continue without the lost entries (chief)</source>
        <translation>Continue without the lost entries (chief)</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Demo office with synthetic records. Accounts (user / password): %1</source>
        <translation>Demo office with synthetic records. Accounts (user / password): %1</translation>
    </message>
    <message>
        <source>To continue without the lost entries, type your password again, then press the button below.</source>
        <translation>To continue without the lost entries, type your password again, then press the button below.</translation>
    </message>
    <message>
        <source>Only the chief can decide to continue without the lost entries. Call the chief to sign in here, or restore the newest backup.</source>
        <translation>Only the chief can decide to continue without the lost entries. Call the chief to sign in here, or restore the newest backup.</translation>
    </message>
    <message>
        <source>Type your password again to confirm that you continue.</source>
        <translation>Type your password again to confirm that you continue.</translation>
    </message>
    <message>
        <source>Continue with the records that are left? The lost changes cannot be recovered without a backup. This decision is recorded in the audit log under your name.</source>
        <translation>Continue with the records that are left? The lost changes cannot be recovered without a backup. This decision is recorded in the audit log under your name.</translation>
    </message>
    <message>
        <source>Continue without them</source>
        <translation>Continue without them</translation>
    </message>
    <message>
        <source>Choose the backup file</source>
        <translation>Choose the backup file</translation>
    </message>
    <message>
        <source>SHSC Desktop backups (*.shscbak)</source>
        <translation>SHSC Desktop backups (*.shscbak)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Restore this older backup anyway?</source>
        <translation>Restore this older backup anyway?</translation>
    </message>
    <message>
        <source>Restore anyway</source>
        <translation>Restore anyway</translation>
    </message>
    <message>
        <source>The key files of the office on this computer cannot be read, so nobody can check that this backup is of the same office. Replace whatever is on this computer with the backup? Its files are kept in a folder next to the data.</source>
        <translation>The key files of the office on this computer cannot be read, so nobody can check that this backup is of the same office. Replace whatever is on this computer with the backup? Its files are kept in a folder next to the data.</translation>
    </message>
    <message>
        <source>This backup belongs to another office: %1. The office on this computer is %2. Replace the office on this computer with the other one? Its files are kept in a folder next to the data.</source>
        <translation>This backup belongs to another office: %1. The office on this computer is %2. Replace the office on this computer with the other one? Its files are kept in a folder next to the data.</translation>
    </message>
    <message>
        <source>Replace this office</source>
        <translation>Replace this office</translation>
    </message>
</context>
<context>
    <name>UpwardPanel</name>
    <message>
        <source>the district</source>
        <translation>the district</translation>
    </message>
    <message>
        <source>the ministry</source>
        <translation>the ministry</translation>
    </message>
    <message>
        <source>This office&apos;s certificate</source>
        <translation>This office&apos;s certificate</translation>
    </message>
    <message>
        <source>Create certificate request…</source>
        <translation>Create certificate request…</translation>
    </message>
    <message>
        <source>Install certificate package…</source>
        <translation>Install certificate package…</translation>
    </message>
    <message>
        <source>Send a month to %1</source>
        <translation>Send a month to %1</translation>
    </message>
    <message>
        <source>Only approved months can be sent. The bundle is signed by this office and encrypted for %1: carry it on a USB stick or send it by e-mail.</source>
        <translation>Only approved months can be sent. The bundle is signed by this office and encrypted for %1: carry it on a USB stick or send it by e-mail.</translation>
    </message>
    <message>
        <source>Export month…</source>
        <translation>Export month…</translation>
    </message>
    <message>
        <source>Approve month…</source>
        <translation>Approve month…</translation>
    </message>
    <message>
        <source>Export the same revision again…</source>
        <translation>Export the same revision again…</translation>
    </message>
    <message>
        <source>Bundles written</source>
        <translation>Bundles written</translation>
    </message>
    <message>
        <source>Returned by the district for correction</source>
        <translation>Returned by the district for correction</translation>
    </message>
    <message>
        <source>Import a return notice…</source>
        <translation>Import a return notice…</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Written</translation>
    </message>
    <message>
        <source>(again)</source>
        <translation>(again)</translation>
    </message>
    <message>
        <source>Certificate %1, issued by %2, valid until %3.</source>
        <translation>Certificate %1, issued by %2, valid until %3.</translation>
    </message>
    <message>
        <source>REVOKED: this certificate has been revoked. Ask %1 for a new one.</source>
        <translation>REVOKED: this certificate has been revoked. Ask %1 for a new one.</translation>
    </message>
    <message>
        <source>Not revoked.</source>
        <translation>Not revoked.</translation>
    </message>
    <message>
        <source>This office has no certificate from %1 yet.</source>
        <translation>This office has no certificate from %1 yet.</translation>
    </message>
    <message>
        <source>A certificate request is waiting for its package: install it when %1 sends it.</source>
        <translation>A certificate request is waiting for its package: install it when %1 sends it.</translation>
    </message>
    <message>
        <source>Fingerprint of the request to read to %1 by phone: %2</source>
        <translation>Fingerprint of the request to read to %1 by phone: %2</translation>
    </message>
    <message>
        <source>Ministry root</source>
        <translation>Ministry root</translation>
    </message>
    <message>
        <source>District CA</source>
        <translation>District CA</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>Signing</translation>
    </message>
    <message>
        <source>Encryption (receiving)</source>
        <translation>Encryption (receiving)</translation>
    </message>
    <message>
        <source>Recipient above</source>
        <translation>Recipient above</translation>
    </message>
    <message>
        <source>(corrected: a newer revision was sent)</source>
        <translation>(corrected: a newer revision was sent)</translation>
    </message>
    <message>
        <source>The district has returned no month for correction.</source>
        <translation>The district has returned no month for correction.</translation>
    </message>
    <message>
        <source>Open the district&apos;s return notice</source>
        <translation>Open the district&apos;s return notice</translation>
    </message>
    <message>
        <source>Return notices (*.shscret)</source>
        <translation>Return notices (*.shscret)</translation>
    </message>
    <message>
        <source>This notice had already been imported.</source>
        <translation>This notice had already been imported.</translation>
    </message>
    <message>
        <source>Reopen the month on Home, correct it, approve it again and export it: the district then receives the corrected revision.</source>
        <translation>Reopen the month on Home, correct it, approve it again and export it: the district then receives the corrected revision.</translation>
    </message>
    <message>
        <source>Save the certificate request</source>
        <translation>Save the certificate request</translation>
    </message>
    <message>
        <source>Certificate requests (*.shscreq)</source>
        <translation>Certificate requests (*.shscreq)</translation>
    </message>
    <message>
        <source>The request was saved as %1. Give the file to %2, then read this fingerprint to them by phone; they must see the same one:

%3</source>
        <translation>The request was saved as %1. Give the file to %2, then read this fingerprint to them by phone; they must see the same one:

%3</translation>
    </message>
    <message>
        <source>Open the certificate package</source>
        <translation>Open the certificate package</translation>
    </message>
    <message>
        <source>Certificate packages (*.shscpkg)</source>
        <translation>Certificate packages (*.shscpkg)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Compare these fingerprints with the ones %1 reads to you by phone. Install the certificates only if every one is the same.</source>
        <translation>Compare these fingerprints with the ones %1 reads to you by phone. Install the certificates only if every one is the same.</translation>
    </message>
    <message>
        <source>They are the same: install</source>
        <translation>They are the same: install</translation>
    </message>
    <message>
        <source>The certificates are installed. This office can now send bundles.</source>
        <translation>The certificates are installed. This office can now send bundles.</translation>
    </message>
    <message>
        <source>Approve %1 for the district? Its totals are then sent as they are now; a later change needs a new revision.</source>
        <translation>Approve %1 for the district? Its totals are then sent as they are now; a later change needs a new revision.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Choose the folder (USB stick) for the bundle</source>
        <translation>Choose the folder (USB stick) for the bundle</translation>
    </message>
    <message>
        <source>Signing and encrypting…</source>
        <translation>Signing and encrypting…</translation>
    </message>
    <message>
        <source>Nil report: nothing happened this month.</source>
        <translation>Nil report: nothing happened this month.</translation>
    </message>
    <message>
        <source>Month to approve:</source>
        <translation>Month to approve:</translation>
    </message>
    <message>
        <source>Choose a month</source>
        <translation>Choose a month</translation>
    </message>
    <message>
        <source>Month to send:</source>
        <translation>Month to send:</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>Sequence</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>the root of %1</source>
        <translation>the root of %1</translation>
    </message>
    <message>
        <source>the certificate authority of %1</source>
        <translation>the certificate authority of %1</translation>
    </message>
    <message>
        <source>the encryption key of %1</source>
        <translation>the encryption key of %1</translation>
    </message>
    <message>
        <source>Reports received: %1 of %2 communes.</source>
        <translation>Reports received: %1 of %2 communes.</translation>
    </message>
    <message>
        <source>Not reported: %1</source>
        <translation>Not reported: %1</translation>
    </message>
    <message>
        <source>Not enrolled (cannot report yet): %1</source>
        <translation>Not enrolled (cannot report yet): %1</translation>
    </message>
    <message>
        <source>Late: %1</source>
        <translation>Late: %1</translation>
    </message>
    <message>
        <source>Nil reports (no incidents): %1</source>
        <translation>Nil reports (no incidents): %1</translation>
    </message>
    <message>
        <source>No commune has reported %1 yet: approving now sends a month without any report. Approve it as incomplete, or wait for the reports.</source>
        <translation>No commune has reported %1 yet: approving now sends a month without any report. Approve it as incomplete, or wait for the reports.</translation>
    </message>
    <message>
        <source>The month is incomplete. Approve it as it is, or wait for the missing reports (a late report needs a new revision of the district&apos;s month).</source>
        <translation>The month is incomplete. Approve it as it is, or wait for the missing reports (a late report needs a new revision of the district&apos;s month).</translation>
    </message>
    <message>
        <source>Approve as incomplete</source>
        <translation>Approve as incomplete</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>Wait</translation>
    </message>
    <message>
        <source>%1 is approved: it can now be sent to the ministry.</source>
        <translation>%1 is approved: it can now be sent to the ministry.</translation>
    </message>
    <message>
        <source>Written: %1 (revision %2, sequence %3).</source>
        <translation>Written: %1 (revision %2, sequence %3).</translation>
    </message>
    <message>
        <source>Written again, same content: %1 (revision %2, sequence %3).</source>
        <translation>Written again, same content: %1 (revision %2, sequence %3).</translation>
    </message>
</context>
</TS>
