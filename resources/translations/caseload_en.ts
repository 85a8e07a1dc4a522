<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BeneficiaryDetail</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/detail.py" line="480"/>
        <location filename="../../desktop/ui/printing.py" line="200"/>
        <source>Sessions (%n)</source>
        <translation>
            <numerusform>Sessions (%n)</numerusform>
            <numerusform>Sessions (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/detail.py" line="489"/>
        <location filename="../../desktop/ui/printing.py" line="232"/>
        <source>Household (%n)</source>
        <translation>
            <numerusform>Household (%n)</numerusform>
            <numerusform>Household (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/detail.py" line="494"/>
        <source>Referrals (%n)</source>
        <translation>
            <numerusform>Referrals (%n)</numerusform>
            <numerusform>Referrals (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseloadPanel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/caseload.py" line="422"/>
        <source>%Ln beneficiaries</source>
        <translation>
            <numerusform>%Ln beneficiary</numerusform>
            <numerusform>%Ln beneficiaries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FormsAdminDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/forms_admin.py" line="273"/>
        <source>%1 was not imported: it has %n problem(s).</source>
        <translation>
            <numerusform>%1 was not imported: it has %n problem.</numerusform>
            <numerusform>%1 was not imported: it has %n problems.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HouseholdPanel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/household_panel.py" line="142"/>
        <source>%n member(s) in other caseloads</source>
        <translation>
            <numerusform>%n member in other caseloads</numerusform>
            <numerusform>%n members in other caseloads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IncomingReferralsDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/referral_dialog.py" line="302"/>
        <source>%n referral(s) waiting for an answer.</source>
        <translation>
            <numerusform>%n referral waiting for an answer.</numerusform>
            <numerusform>%n referrals waiting for an answer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IntegrityBanner</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/integrity_banner.py" line="51"/>
        <source>The database file is damaged: its full check found %n problem(s). Records you open may be incomplete. Stop entering data, make a backup (File › Back up now), then close Caseload and restore the latest good backup (File › Restore backup…) or ask your administrator to run &apos;caseload check&apos;.</source>
        <translation>
            <numerusform>The database file is damaged: its full check found %n problem. Records you open may be incomplete. Stop entering data, make a backup (File › Back up now), then close Caseload and restore the latest good backup (File › Restore backup…) or ask your administrator to run &apos;caseload check&apos;.</numerusform>
            <numerusform>The database file is damaged: its full check found %n problems. Records you open may be incomplete. Stop entering data, make a backup (File › Back up now), then close Caseload and restore the latest good backup (File › Restore backup…) or ask your administrator to run &apos;caseload check&apos;.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/login.py" line="293"/>
        <source>Wait %n second(s) before trying again.</source>
        <translation>
            <numerusform>Wait %n second before trying again.</numerusform>
            <numerusform>Wait %n seconds before trying again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="222"/>
        <source>%n overdue task(s) · My tasks: Ctrl+T</source>
        <translation>
            <numerusform>%n overdue task · My tasks: Ctrl+T</numerusform>
            <numerusform>%n overdue tasks · My tasks: Ctrl+T</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="687"/>
        <location filename="../../desktop/ui/main_window.py" line="722"/>
        <source>Discard the unsaved changes in %n open form(s)?</source>
        <translation>
            <numerusform>Discard the unsaved changes in %n open form?</numerusform>
            <numerusform>Discard the unsaved changes in %n open forms?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/merge_dialog.py" line="181"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/merge_dialog.py" line="182"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/merge_dialog.py" line="183"/>
        <source>%n household link(s)</source>
        <translation>
            <numerusform>%n household link</numerusform>
            <numerusform>%n household links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/merge_dialog.py" line="184"/>
        <source>%n transfer(s)</source>
        <translation>
            <numerusform>%n transfer</numerusform>
            <numerusform>%n transfers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/merge_dialog.py" line="185"/>
        <source>%n referral(s)</source>
        <translation>
            <numerusform>%n referral</numerusform>
            <numerusform>%n referrals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintCaseDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/print_dialog.py" line="239"/>
        <source>Saved %1 (%n page(s)); the PDF is not encrypted.</source>
        <translation>
            <numerusform>Saved %1 (%n page); the PDF is not encrypted.</numerusform>
            <numerusform>Saved %1 (%n pages); the PDF is not encrypted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/print_dialog.py" line="262"/>
        <source>Sent to the printer (%n page(s)).</source>
        <translation>
            <numerusform>Sent to the printer (%n page).</numerusform>
            <numerusform>Sent to the printer (%n pages).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/printing.py" line="218"/>
        <source>Follow-up tasks (%n)</source>
        <translation>
            <numerusform>Follow-up task (%n)</numerusform>
            <numerusform>Follow-up tasks (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/sync_status.py" line="40"/>
        <source>%Ln change(s) waiting to sync</source>
        <translation>
            <numerusform>%Ln change waiting to sync</numerusform>
            <numerusform>%Ln changes waiting to sync</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/sync_status.py" line="49"/>
        <source>%Ln conflict(s)</source>
        <translation>
            <numerusform>%Ln conflict</numerusform>
            <numerusform>%Ln conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/sync_status.py" line="51"/>
        <source>%Ln refused</source>
        <translation>
            <numerusform>%Ln refused</numerusform>
            <numerusform>%Ln refused</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TasksPanel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/tasks_panel.py" line="193"/>
        <source>%n of your tasks overdue</source>
        <translation>
            <numerusform>%n of your tasks overdue</numerusform>
            <numerusform>%n of your tasks overdue</numerusform>
        </translation>
    </message>
</context>
</TS>
