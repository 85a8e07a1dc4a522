<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>AddMemberDialog</name>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="296"/>
        <source>Add to the household of %1</source>
        <translation>إضافة إلى أسرة ⁨%1⁩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="301"/>
        <source>Name or case number</source>
        <translation>الاسم أو رقم الملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="305"/>
        <source>Beneficiaries found</source>
        <translation>المستفيدون الذين عُثر عليهم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="311"/>
        <source>&amp;Find:</source>
        <translation>بحث (&amp;F):</translation>
    </message>
</context>
<context>
    <name>AuditLogWindow</name>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="118"/>
        <source>Audit log</source>
        <translation>سجل التدقيق</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="127"/>
        <source>User</source>
        <translation>المستخدم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="128"/>
        <source>Anyone</source>
        <translation>أي مستخدم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="133"/>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="134"/>
        <source>Any action</source>
        <translation>أي إجراء</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="139"/>
        <source>Case number</source>
        <translation>رقم الملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="140"/>
        <source>Case no.</source>
        <translation>رقم الملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="144"/>
        <location filename="../../desktop/ui/audit_log.py" line="197"/>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="147"/>
        <location filename="../../desktop/ui/audit_log.py" line="197"/>
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="148"/>
        <source>&amp;Show</source>
        <translation>عرض (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="152"/>
        <source>&amp;Export CSV…</source>
        <translation>تصدير CSV… (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="160"/>
        <source>&amp;User</source>
        <translation>المستخدم (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="161"/>
        <source>&amp;Action</source>
        <translation>الإجراء (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="162"/>
        <source>&amp;Record</source>
        <translation>السجل (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="163"/>
        <source>&amp;From</source>
        <translation>من (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="164"/>
        <source>&amp;To</source>
        <translation>إلى (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="173"/>
        <source>Audit events</source>
        <translation>أحداث التدقيق</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="200"/>
        <source>%1: not a date.</source>
        <translation>%1: ليس تاريخًا.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="205"/>
        <source>The date range starts after it ends.</source>
        <translation>يبدأ النطاق الزمني بعد نهايته.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="226"/>
        <source>Reading the log…</source>
        <translation>جارٍ قراءة السجل…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="246"/>
        <source>No event matches these filters.</source>
        <translation>لا يوجد حدث يطابق عوامل التصفية هذه.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="248"/>
        <source>Events: %1</source>
        <translation>الأحداث: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="251"/>
        <source>The newest %1 events; scroll for older ones.</source>
        <translation>أحدث %1 حدث؛ مرِّر لعرض الأحداث الأقدم.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="263"/>
        <source>Export the audit log</source>
        <translation>تصدير سجل التدقيق</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="266"/>
        <source>CSV files (*.csv)</source>
        <translation>ملفات CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="266"/>
        <source>All files (*)</source>
        <translation>جميع الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="298"/>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="303"/>
        <source>Exporting… %1 events</source>
        <translation>جارٍ التصدير… الأحداث: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="315"/>
        <source>Events saved to %1: %2</source>
        <translation>حُفظت الأحداث في ⁦%1⁩: %2</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="36"/>
        <source>When</source>
        <translation>التاريخ والوقت</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="37"/>
        <source>Who</source>
        <translation>المستخدم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="38"/>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="39"/>
        <source>Changes</source>
        <translation>التغييرات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="40"/>
        <source>Record</source>
        <translation>السجل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="44"/>
        <source>Created</source>
        <translation>إنشاء</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="45"/>
        <source>Changed</source>
        <translation>تعديل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="46"/>
        <source>Case closed</source>
        <translation>إغلاق الملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="47"/>
        <source>Case reopened</source>
        <translation>إعادة فتح الملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="48"/>
        <source>Reassigned</source>
        <translation>إعادة إسناد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="49"/>
        <source>Deleted</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="50"/>
        <source>Imported</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="51"/>
        <source>Received from the server</source>
        <translation>وارد من الخادم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="52"/>
        <source>Changed on the server</source>
        <translation>عُدِّل على الخادم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="53"/>
        <source>Sync conflict resolved</source>
        <translation>حُسم تعارض المزامنة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="54"/>
        <source>Deleted on the server</source>
        <translation>حُذف على الخادم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="55"/>
        <source>Left this laptop&apos;s caseload</source>
        <translation>خرج من ملفات هذا الحاسوب</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="56"/>
        <source>Report run or exported</source>
        <translation>تشغيل تقرير أو تصديره</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="57"/>
        <source>Exported</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="60"/>
        <source>Beneficiary</source>
        <translation>مستفيد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="61"/>
        <source>Session</source>
        <translation>جلسة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="62"/>
        <source>Task</source>
        <translation>مهمة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="63"/>
        <source>Household member</source>
        <translation>فرد أسرة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="64"/>
        <source>User</source>
        <translation>مستخدم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="65"/>
        <source>Audit log</source>
        <translation>سجل التدقيق</translation>
    </message>
</context>
<context>
    <name>BackgroundSync</name>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="115"/>
        <source>Starting…</source>
        <translation>جارٍ البدء…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="135"/>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="141"/>
        <source>Sending %1 of %2</source>
        <translation>إرسال %1 من %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="141"/>
        <source>Receiving %1 of %2</source>
        <translation>استلام %1 من %2</translation>
    </message>
</context>
<context>
    <name>BeneficiaryDetail</name>
    <message>
        <location filename="../../desktop/ui/detail.py" line="81"/>
        <source>Beneficiary detail</source>
        <translation>بطاقة المستفيد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="89"/>
        <source>Select a beneficiary in the list, or press Ctrl+N to register one.</source>
        <translation>اختر مستفيدًا من القائمة، أو اضغط Ctrl+N لتسجيل مستفيد جديد.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="163"/>
        <location filename="../../desktop/ui/printing.py" line="164"/>
        <source>Next follow-up</source>
        <translation>المتابعة التالية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="164"/>
        <source>Sync</source>
        <translation>المزامنة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="215"/>
        <source>Sessions timeline</source>
        <translation>التسلسل الزمني للجلسات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="227"/>
        <source>Sessions</source>
        <translation>الجلسات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="231"/>
        <source>Case timeline</source>
        <translation>التسلسل الزمني للملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="239"/>
        <source>Timeline</source>
        <translation>التسلسل الزمني</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="242"/>
        <location filename="../../desktop/ui/detail.py" line="243"/>
        <source>Follow-ups</source>
        <translation>المتابعات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="245"/>
        <location filename="../../desktop/ui/detail.py" line="489"/>
        <source>Household</source>
        <translation>الأسرة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="249"/>
        <location filename="../../desktop/ui/detail.py" line="250"/>
        <source>Referrals</source>
        <translation>الإحالات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="254"/>
        <location filename="../../desktop/ui/detail.py" line="262"/>
        <source>History</source>
        <translation>السجل التاريخي</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="280"/>
        <source>synced</source>
        <translation>تمت المزامنة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="281"/>
        <source>waiting to sync</source>
        <translation>بانتظار المزامنة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="282"/>
        <source>uploading</source>
        <translation>جارٍ الإرسال</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="283"/>
        <source>sync error</source>
        <translation>خطأ في المزامنة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="284"/>
        <source>conflict: a supervisor must resolve it</source>
        <translation>تعارض: يجب أن يحسمه مشرف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="397"/>
        <source>done</source>
        <translation>منجزة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="399"/>
        <source>dismissed</source>
        <translation>مستبعَدة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="411"/>
        <source>%1 (%2): %3</source>
        <translation>⁦%1⁩ (%2): %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="412"/>
        <source>Session&apos;s follow-up</source>
        <translation>متابعة الجلسة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="470"/>
        <source>Incomplete: the form now also asks for %1</source>
        <translation>غير مكتمل: صار النموذج يطلب أيضًا %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/detail.py" line="489"/>
        <location filename="../../desktop/ui/printing.py" line="232"/>
        <source>Household (%n)</source>
        <translation>
            <numerusform>الأسرة (%n)</numerusform>
            <numerusform>الأسرة (%n)</numerusform>
            <numerusform>الأسرة (%n)</numerusform>
            <numerusform>الأسرة (%n)</numerusform>
            <numerusform>الأسرة (%n)</numerusform>
            <numerusform>الأسرة (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/detail.py" line="494"/>
        <source>Referrals (%n)</source>
        <translation>
            <numerusform>الإحالات (%n)</numerusform>
            <numerusform>الإحالات (%n)</numerusform>
            <numerusform>الإحالات (%n)</numerusform>
            <numerusform>الإحالات (%n)</numerusform>
            <numerusform>الإحالات (%n)</numerusform>
            <numerusform>الإحالات (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="496"/>
        <source>Not referred to another organisation.</source>
        <translation>لم يُحَل إلى منظمة أخرى.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="536"/>
        <source>Transfer pending from %1 to %2 (since %3): %4</source>
        <translation>نقل معلَّق من ⁨%1⁩ إلى ⁨%2⁩ (منذ ⁦%3⁩): %4</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="589"/>
        <source>given %s</source>
        <translation>أُعطيت في ⁦%s⁩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="588"/>
        <source>not given</source>
        <translation>لم تُعطَ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="460"/>
        <source>From the server, outside this laptop&apos;s rules (correct when you can): %1</source>
        <translation>وارد من الخادم، خارج قواعد هذا الحاسوب (صحِّحه عندما تستطيع): ⁨%1⁩</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/detail.py" line="480"/>
        <location filename="../../desktop/ui/printing.py" line="200"/>
        <source>Sessions (%n)</source>
        <translation>
            <numerusform>الجلسات (%n)</numerusform>
            <numerusform>الجلسات (%n)</numerusform>
            <numerusform>الجلسات (%n)</numerusform>
            <numerusform>الجلسات (%n)</numerusform>
            <numerusform>الجلسات (%n)</numerusform>
            <numerusform>الجلسات (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="402"/>
        <source>overdue</source>
        <translation>متأخرة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="403"/>
        <source>due today</source>
        <translation>مستحقة اليوم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="404"/>
        <source>upcoming</source>
        <translation>قادمة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="407"/>
        <source>%1 (%2), asked for in the session of %3</source>
        <translation>⁦%1⁩ (%2)، طُلبت في جلسة ⁦%3⁩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="483"/>
        <source>No follow-ups asked for.</source>
        <translation>لم تُطلب أي متابعة.</translation>
    </message>
</context>
<context>
    <name>BeneficiaryForm</name>
    <message>
        <location filename="../../desktop/ui/forms.py" line="646"/>
        <source>New beneficiary</source>
        <translation>مستفيد جديد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="648"/>
        <source>Edit beneficiary %s</source>
        <translation>تعديل المستفيد ⁦%s⁩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="671"/>
        <source>The beneficiary consented to data processing</source>
        <translation>وافق المستفيد على معالجة بياناته</translation>
    </message>
</context>
<context>
    <name>BeneficiaryTableModel</name>
    <message>
        <location filename="../../desktop/ui/models/beneficiary_table.py" line="79"/>
        <source>Next follow-up</source>
        <translation>المتابعة التالية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/beneficiary_table.py" line="80"/>
        <source>Updated</source>
        <translation>آخر تحديث</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/beneficiary_table.py" line="566"/>
        <source>Sync problem: %s</source>
        <translation>مشكلة في المزامنة: ⁨%s⁩</translation>
    </message>
</context>
<context>
    <name>BrandHeader</name>
    <message>
        <location filename="../../desktop/ui/login.py" line="54"/>
        <source>Caseload logo</source>
        <translation>شعار Caseload</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="57"/>
        <source>Caseload</source>
        <translation>Caseload</translation>
    </message>
</context>
<context>
    <name>BusyBar</name>
    <message>
        <location filename="../../desktop/ui/login.py" line="78"/>
        <source>Working</source>
        <translation>جارٍ العمل</translation>
    </message>
</context>
<context>
    <name>CaseSessionForm</name>
    <message>
        <location filename="../../desktop/ui/session_form.py" line="35"/>
        <source>New session with %s</source>
        <translation>جلسة جديدة مع ⁨%s⁩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_form.py" line="37"/>
        <source>Edit session with %s</source>
        <translation>تعديل الجلسة مع ⁨%s⁩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_form.py" line="71"/>
        <source>Choose the session&apos;s %1.</source>
        <translation>اختر %1 الجلسة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_form.py" line="72"/>
        <source>kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_form.py" line="72"/>
        <source>status</source>
        <translation>حالة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_form.py" line="85"/>
        <source>No summary</source>
        <translation>لا يوجد ملخص</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_form.py" line="86"/>
        <source>This session is marked done but has no summary. Save it anyway?</source>
        <translation>هذه الجلسة معلَّمة بأنها منجزة لكن ليس لها ملخص. هل تريد حفظها رغم ذلك؟</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_form.py" line="87"/>
        <source>&amp;Save without summary</source>
        <translation>الحفظ دون ملخص (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_form.py" line="88"/>
        <source>&amp;Write a summary</source>
        <translation>كتابة ملخص (&amp;W)</translation>
    </message>
</context>
<context>
    <name>CaseSessionTableModel</name>
    <message>
        <location filename="../../desktop/ui/models/case_session_table.py" line="36"/>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/case_session_table.py" line="37"/>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/case_session_table.py" line="38"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/case_session_table.py" line="39"/>
        <source>Minutes</source>
        <translation>الدقائق</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/case_session_table.py" line="40"/>
        <source>Location</source>
        <translation>المكان</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/case_session_table.py" line="41"/>
        <source>Follow-up</source>
        <translation>المتابعة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/case_session_table.py" line="42"/>
        <source>Summary</source>
        <translation>الملخص</translation>
    </message>
</context>
<context>
    <name>CaseloadPanel</name>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="74"/>
        <source>Search name or case number (Ctrl+F)</source>
        <translation>ابحث بالاسم أو برقم الملف (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="75"/>
        <source>Search beneficiaries</source>
        <translation>البحث في المستفيدين</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="82"/>
        <source>Status filter</source>
        <translation>التصفية حسب الحالة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="83"/>
        <source>Active and closed</source>
        <translation>النشطة والمغلقة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="84"/>
        <source>Active</source>
        <translation>نشط</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="85"/>
        <source>Closed</source>
        <translation>مغلق</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="89"/>
        <source>Caseworker filter</source>
        <translation>التصفية حسب مسؤول الحالة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="90"/>
        <location filename="../../desktop/ui/caseload.py" line="175"/>
        <source>All caseworkers</source>
        <translation>جميع مسؤولي الحالات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="94"/>
        <source>Follow-up filter</source>
        <translation>التصفية حسب المتابعة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="95"/>
        <source>Any follow-up</source>
        <translation>أي متابعة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="96"/>
        <source>Follow-up due today</source>
        <translation>متابعة مستحقة اليوم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="97"/>
        <source>Follow-up due in 7 days</source>
        <translation>متابعة مستحقة خلال 7 أيام</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="111"/>
        <source>Number of beneficiaries shown</source>
        <translation>عدد المستفيدين المعروضين</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="116"/>
        <source>Caseload</source>
        <translation>Caseload</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="198"/>
        <source>%1 filter</source>
        <translation>التصفية حسب ⁨%1⁩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="200"/>
        <source>%1: all</source>
        <translation>⁨%1⁩: الكل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="203"/>
        <source>%1: yes</source>
        <translation>⁨%1⁩: نعم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="204"/>
        <source>%1: no</source>
        <translation>⁨%1⁩: لا</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="209"/>
        <source>%1: %2</source>
        <translation>⁨%1⁩: ⁨%2⁩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="417"/>
        <source>more than %1 of %2</source>
        <translation>أكثر من %1 من %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/caseload.py" line="422"/>
        <source>%Ln beneficiaries</source>
        <translation>
            <numerusform>%Ln مستفيد</numerusform>
            <numerusform>%Ln مستفيد</numerusform>
            <numerusform>%Ln مستفيدان</numerusform>
            <numerusform>%Ln مستفيدين</numerusform>
            <numerusform>%Ln مستفيدًا</numerusform>
            <numerusform>%Ln مستفيد</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="425"/>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="33"/>
        <source>Change my password</source>
        <translation>تغيير كلمة المرور الخاصة بي</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="40"/>
        <source>Your records stay as they are; only the password that opens them changes. Use at least 8 characters; a few unrelated words are easy to remember.</source>
        <translation>تبقى سجلاتك كما هي؛ تتغير فقط كلمة المرور التي تفتحها. استخدم 8 أحرف على الأقل؛ بضع كلمات لا علاقة بينها سهلة التذكر.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="51"/>
        <source>&amp;Current password</source>
        <translation>كلمة المرور الحالية (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="51"/>
        <source>Current password</source>
        <translation>كلمة المرور الحالية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="52"/>
        <source>&amp;New password</source>
        <translation>كلمة المرور الجديدة (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="52"/>
        <source>New password</source>
        <translation>كلمة المرور الجديدة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="53"/>
        <source>&amp;Repeat new password</source>
        <translation>أعد كتابة كلمة المرور الجديدة (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="53"/>
        <source>Repeat new password</source>
        <translation>أعد كتابة كلمة المرور الجديدة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="70"/>
        <location filename="../../desktop/ui/password_dialog.py" line="114"/>
        <source>C&amp;hange password</source>
        <translation>تغيير كلمة المرور (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="92"/>
        <source>Enter your current password.</source>
        <translation>أدخل كلمة المرور الحالية.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="95"/>
        <source>The two new passwords are not the same.</source>
        <translation>كلمتا المرور الجديدتان غير متطابقتين.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="98"/>
        <source>The new password is the same as the current one.</source>
        <translation>كلمة المرور الجديدة مطابقة للحالية.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="114"/>
        <source>Changing…</source>
        <translation>جارٍ التغيير…</translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <location filename="../../desktop/ui/close_dialog.py" line="33"/>
        <source>Close case</source>
        <translation>إغلاق الملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/close_dialog.py" line="37"/>
        <source>Why is the case of %1 (%2) being closed? It can be reopened later.</source>
        <translation>لماذا يُغلق ملف %1 (%2)؟ يمكن إعادة فتحه لاحقًا.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/close_dialog.py" line="47"/>
        <source>Closure reason</source>
        <translation>سبب الإغلاق</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/close_dialog.py" line="48"/>
        <source>Choose a reason…</source>
        <translation>اختر سببًا…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/close_dialog.py" line="51"/>
        <source>&amp;Reason *</source>
        <translation>السبب * (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/close_dialog.py" line="54"/>
        <source>Closure note</source>
        <translation>ملاحظة الإغلاق</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/close_dialog.py" line="57"/>
        <source>&amp;Note</source>
        <translation>ملاحظة (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/close_dialog.py" line="65"/>
        <source>&amp;Close case</source>
        <translation>إغلاق الملف (&amp;C)</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../desktop/ui/errors.py" line="71"/>
        <source>Caseload: unexpected error</source>
        <translation>Caseload: خطأ غير متوقع</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="77"/>
        <source>Something went wrong that Caseload did not expect. Your saved records are safe. The details below are also in the log file; please send them to your support contact.</source>
        <translation>حدث خطأ لم يتوقعه Caseload. سجلاتك المحفوظة سليمة. التفاصيل أدناه موجودة أيضًا في ملف السجل؛ يُرجى إرسالها إلى جهة الدعم لديك.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="86"/>
        <source>Error report</source>
        <translation>تقرير الخطأ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="90"/>
        <location filename="../../desktop/ui/errors.py" line="91"/>
        <source>Copy report</source>
        <translation>نسخ التقرير</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="99"/>
        <source>Copied</source>
        <translation>تم النسخ</translation>
    </message>
</context>
<context>
    <name>CustomFields</name>
    <message>
        <location filename="../../desktop/ui/custom_fields.py" line="108"/>
        <source>Written with a newer form than this laptop has: kept as it is until a sync brings that form.</source>
        <translation>كُتبت هذه القيمة بنسخة من النموذج أحدث مما على هذا الحاسوب: تبقى كما هي إلى أن تجلب المزامنة تلك النسخة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/custom_fields.py" line="113"/>
        <source>The field has changed kind since this was written: kept as it was, not editable.</source>
        <translation>تغيَّر نوع الحقل منذ كتابة هذه القيمة: تبقى كما كانت، ولا يمكن تعديلها.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/custom_fields.py" line="117"/>
        <source>This choice is no longer offered: kept as it was, not editable.</source>
        <translation>لم يعد هذا الخيار متاحًا: تبقى القيمة كما كانت، ولا يمكن تعديلها.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/custom_fields.py" line="120"/>
        <source>This field is retired: its value is kept and cannot change.</source>
        <translation>أُوقف استخدام هذا الحقل: تُحفظ قيمته ولا يمكن تغييرها.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/custom_fields.py" line="378"/>
        <source>(not recorded)</source>
        <translation>(غير مسجَّل)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/custom_fields.py" line="382"/>
        <source>Choose…</source>
        <translation>اختر…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/custom_fields.py" line="393"/>
        <source>%1 to %2</source>
        <translation>من ⁦%1⁩ إلى ⁦%2⁩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/custom_fields.py" line="399"/>
        <source>at least %1</source>
        <translation>⁦%1⁩ على الأقل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/custom_fields.py" line="403"/>
        <source>at most %1</source>
        <translation>⁦%1⁩ على الأكثر</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="62"/>
        <source>Dashboard</source>
        <translation>لوحة المعلومات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="74"/>
        <location filename="../../desktop/ui/dashboard.py" line="183"/>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="78"/>
        <location filename="../../desktop/ui/dashboard.py" line="183"/>
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="82"/>
        <source>Caseworker</source>
        <translation>مسؤول الحالة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="83"/>
        <source>All caseworkers</source>
        <translation>جميع مسؤولي الحالات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="86"/>
        <source>&amp;Show</source>
        <translation>عرض (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="90"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="95"/>
        <source>Reports progress</source>
        <translation>تقدُّم التقارير</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="104"/>
        <source>&amp;From</source>
        <translation>من (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="105"/>
        <source>&amp;To</source>
        <translation>إلى (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="106"/>
        <source>Case&amp;worker</source>
        <translation>مسؤول الحالة (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="117"/>
        <source>Reports</source>
        <translation>التقارير</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="139"/>
        <source>Report table</source>
        <translation>جدول التقرير</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="145"/>
        <source>&amp;Export CSV…</source>
        <translation>تصدير CSV… (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="187"/>
        <source>%1: not a date.</source>
        <translation>%1: ليس تاريخًا.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="215"/>
        <source>Counting…</source>
        <translation>جارٍ العد…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="241"/>
        <source>Reports counted: %1</source>
        <translation>التقارير المحسوبة: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="250"/>
        <source>Stopped; the counts shown are the earlier ones.</source>
        <translation>توقف العد؛ الأعداد المعروضة هي السابقة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="266"/>
        <source>The date range applies to the %1. Counted: %2</source>
        <translation>ينطبق النطاق الزمني على %1. العدد: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="272"/>
        <source>Nothing to count.</source>
        <translation>لا شيء للعد.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="285"/>
        <source>Export the report</source>
        <translation>تصدير التقرير</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="288"/>
        <source>CSV files (*.csv)</source>
        <translation>ملفات CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="288"/>
        <source>All files (*)</source>
        <translation>جميع الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="326"/>
        <source>Saved %1.</source>
        <translation>تم حفظ الملف ⁦%1⁩.</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../desktop/ui/widgets.py" line="98"/>
        <source>e.g. %1</source>
        <translation>مثلًا ⁦%1⁩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets.py" line="100"/>
        <source>Type the date as %1 or 1990-12-31, or press Alt+Down to pick it.</source>
        <translation>اكتب التاريخ بالصيغة ⁦%1⁩ أو 1990-12-31، أو اضغط Alt+Down لاختياره.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets.py" line="109"/>
        <source>Pick a date</source>
        <translation>اختيار تاريخ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets.py" line="110"/>
        <source>Pick a date from a calendar (Alt+Down)</source>
        <translation>اختيار تاريخ من التقويم (Alt+Down)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets.py" line="174"/>
        <source>Calendar</source>
        <translation>التقويم</translation>
    </message>
</context>
<context>
    <name>DuplicateScanWindow</name>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="41"/>
        <source>Possible duplicates</source>
        <translation>تكرارات محتملة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="50"/>
        <source>Records across the caseload that may be one person registered twice, most likely first. Merge a pair to keep one record with the sessions and tasks of both.</source>
        <translation>سجلات في جميع الملفات قد تكون لشخص واحد سُجِّل مرتين، والأرجح أولًا. ادمج زوجًا منها للإبقاء على سجل واحد يضم جلسات السجلين ومهامهما.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="60"/>
        <source>Scan progress</source>
        <translation>تقدُّم الفحص</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="67"/>
        <source>Possible duplicate pairs</source>
        <translation>أزواج مكررة محتملة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="70"/>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="72"/>
        <source>Case number</source>
        <translation>رقم الملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="71"/>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="73"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="74"/>
        <source>Born</source>
        <translation>الميلاد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="75"/>
        <source>Caseworkers</source>
        <translation>مسؤولو الحالات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="76"/>
        <source>Why</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="90"/>
        <source>&amp;Scan again</source>
        <translation>إعادة الفحص (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="92"/>
        <source>&amp;Merge…</source>
        <translation>دمج… (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="94"/>
        <source>S&amp;top</source>
        <translation>إيقاف (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="96"/>
        <source>&amp;Close</source>
        <translation>إغلاق (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="128"/>
        <source>Scanning…</source>
        <translation>جارٍ الفحص…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="142"/>
        <source>Stopping…</source>
        <translation>جارٍ الإيقاف…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="160"/>
        <source>The scan was stopped.</source>
        <translation>أُوقف الفحص.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="164"/>
        <source>The scan failed.</source>
        <translation>فشل الفحص.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="187"/>
        <source>%1 possible pair(s).</source>
        <translation>الأزواج المحتملة: %1.</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="55"/>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="83"/>
        <source>Possible duplicates</source>
        <translation>تكرارات محتملة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="64"/>
        <source>This person may already be registered. Open the existing record instead of registering them twice, or register them anyway if this is someone else.</source>
        <translation>قد يكون هذا الشخص مسجَّلًا من قبل. افتح السجل الموجود بدلًا من تسجيله مرتين، أو سجِّله رغم ذلك إن كان شخصًا آخر.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="76"/>
        <source>Case number</source>
        <translation>رقم الملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="77"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="78"/>
        <source>Born</source>
        <translation>الميلاد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="79"/>
        <source>Caseworker</source>
        <translation>مسؤول الحالة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="80"/>
        <source>Why</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="103"/>
        <source>(another caseload)</source>
        <translation>(ملف زميل)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="116"/>
        <source>Ask a supervisor: you may not open another caseload&apos;s records.</source>
        <translation>اسأل مشرفًا: لا يمكنك فتح ملفات زملائك.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="123"/>
        <source>&amp;Open selected</source>
        <translation>فتح المحدَّد (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="125"/>
        <source>&amp;Register anyway</source>
        <translation>التسجيل رغم ذلك (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="127"/>
        <source>Go &amp;back</source>
        <translation>رجوع (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="132"/>
        <source>&amp;Merge the two selected…</source>
        <translation>دمج السجلين المحدَّدين… (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="158"/>
        <source>same name</source>
        <translation>الاسم نفسه</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="159"/>
        <source>similar name</source>
        <translation>اسم مشابه</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="160"/>
        <source>same date of birth</source>
        <translation>تاريخ الميلاد نفسه</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="161"/>
        <source>same phone number</source>
        <translation>رقم الهاتف نفسه</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="168"/>
        <source>same %1</source>
        <translation>تطابق ⁨%1⁩</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="71"/>
        <source>Export records</source>
        <translation>تصدير السجلات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="82"/>
        <source>&lt;b&gt;This file will hold personal data&lt;/b&gt; about the people in your caseload: names, dates of birth, contact details and notes. Anyone who has the file can read them. Keep it only where it needs to be, delete it when you are done, and protect it with a password if it leaves this laptop.</source>
        <translation>&lt;b&gt;سيحتوي هذا الملف على بيانات شخصية&lt;/b&gt; عن الأشخاص الذين تتابع ملفاتهم: الأسماء وتواريخ الميلاد وبيانات الاتصال والملاحظات. يستطيع كل من يحوز الملف قراءتها. لا تحتفظ به إلا حيث يلزم، واحذفه عند الانتهاء منه، واحمِه بكلمة مرور إذا خرج من هذا الحاسوب.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="96"/>
        <source>Personal data warning</source>
        <translation>تحذير بشأن البيانات الشخصية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="106"/>
        <source>The &amp;whole office</source>
        <translation>المكتب بأكمله (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="108"/>
        <source>My &amp;whole caseload</source>
        <translation>كل ملفاتي (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="111"/>
        <source>The list as &amp;filtered now (records listed: %1)</source>
        <translation>القائمة بتصفيتها الحالية (السجلات المعروضة: %1) (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="115"/>
        <source>The list as &amp;filtered now</source>
        <translation>القائمة بتصفيتها الحالية (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="125"/>
        <source>Records:</source>
        <translation>السجلات:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="131"/>
        <source>&amp;Beneficiaries</source>
        <translation>المستفيدون (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="132"/>
        <source>&amp;Sessions</source>
        <translation>الجلسات (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="133"/>
        <source>Tasks</source>
        <translation>المهام</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="141"/>
        <source>Not available yet: this version has no tasks.</source>
        <translation>غير متاح بعد: لا توجد مهام في هذا الإصدار.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="147"/>
        <source>What:</source>
        <translation>المحتوى:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="153"/>
        <source>E&amp;xcel (XLSX)</source>
        <translation>Excel (XLSX) (&amp;X)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="155"/>
        <source>&amp;CSV</source>
        <translation>CSV (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="163"/>
        <source>Format:</source>
        <translation>الصيغة:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="168"/>
        <source>As &amp;labels, as the app shows them</source>
        <translation>كتسميات، كما يعرضها التطبيق (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="171"/>
        <source>As stored &amp;values (for another program or a re-import)</source>
        <translation>كقيم مخزَّنة (لبرنامج آخر أو لإعادة الاستيراد) (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="178"/>
        <source>Choices:</source>
        <translation>الخيارات:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="181"/>
        <source>&amp;Protect the file with a password</source>
        <translation>حماية الملف بكلمة مرور (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="189"/>
        <source>File password</source>
        <translation>كلمة مرور الملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="191"/>
        <source>P&amp;assword:</source>
        <translation>كلمة المرور (&amp;A):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="197"/>
        <source>Repeat the file password</source>
        <translation>تكرار كلمة مرور الملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="199"/>
        <source>&amp;Repeat password:</source>
        <translation>تكرار كلمة المرور (&amp;R):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="204"/>
        <source>Excel and LibreOffice ask for the password when the file is opened. Give it to the recipient another way than the file (by phone, not in the same e-mail). CSV files cannot be protected.</source>
        <translation>يطلب Excel وLibreOffice كلمة المرور عند فتح الملف. أبلِغ المستلم بها بطريقة غير الطريقة التي يصله بها الملف (بالهاتف، لا في الرسالة الإلكترونية نفسها). لا يمكن حماية ملفات CSV.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="218"/>
        <source>File to write</source>
        <translation>الملف المراد كتابته</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="221"/>
        <source>Br&amp;owse…</source>
        <translation>استعراض… (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="226"/>
        <source>F&amp;ile:</source>
        <translation>الملف (&amp;I):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="233"/>
        <source>Export progress</source>
        <translation>تقدُّم التصدير</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="246"/>
        <source>&amp;Export</source>
        <translation>تصدير (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="332"/>
        <source>ZIP of CSV files (*.zip)</source>
        <translation>ملف ZIP يضم ملفات CSV (*.zip)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="334"/>
        <source>CSV files (*.csv)</source>
        <translation>ملفات CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="336"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>مصنفات Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="338"/>
        <source>Export to</source>
        <translation>التصدير إلى</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="355"/>
        <source>What: choose beneficiaries, sessions or both.</source>
        <translation>المحتوى: اختر المستفيدين أو الجلسات أو كليهما.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="363"/>
        <source>Password: enter the password the file will open with.</source>
        <translation>كلمة المرور: أدخل كلمة المرور التي سيُفتح بها الملف.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="367"/>
        <source>Password: use at least 8 characters.</source>
        <translation>كلمة المرور: استخدم 8 أحرف على الأقل.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="371"/>
        <source>Repeat password: the two passwords are not the same.</source>
        <translation>تكرار كلمة المرور: كلمتا المرور غير متطابقتين.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="376"/>
        <source>File: choose where to write the export.</source>
        <translation>الملف: اختر مكان كتابة ملف التصدير.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="382"/>
        <source>File: the name must end in %1 for this format.</source>
        <translation>الملف: يجب أن ينتهي الاسم بـ ⁦%1⁩ لهذه الصيغة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="389"/>
        <source>File: the folder %1 does not exist.</source>
        <translation>الملف: المجلد ⁦%1⁩ غير موجود.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="393"/>
        <source>File: %1 is a folder.</source>
        <translation>الملف: ⁦%1⁩ مجلد.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="435"/>
        <source>Replace the file?</source>
        <translation>هل تريد استبدال الملف؟</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="436"/>
        <source>%1 already exists. Replace it?</source>
        <translation>⁦%1⁩ موجود من قبل. هل تريد استبداله؟</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="472"/>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="473"/>
        <source>&amp;Stop export</source>
        <translation>إيقاف التصدير (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="473"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="479"/>
        <source>Finishing the file…</source>
        <translation>جارٍ إنهاء الملف…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="482"/>
        <source>Exported %1 of %2 rows…</source>
        <translation>الصفوف المصدَّرة: %1 من %2…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="492"/>
        <source>Stopping…</source>
        <translation>جارٍ الإيقاف…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="509"/>
        <source>The export was stopped; no file was written.</source>
        <translation>أُوقف التصدير؛ لم يُكتب أي ملف.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="526"/>
        <source>Export written: %1 (rows: %2).</source>
        <translation>كُتب ملف التصدير: ⁦%1⁩ (الصفوف: %2).</translation>
    </message>
</context>
<context>
    <name>FieldValue</name>
    <message>
        <location filename="../../desktop/ui/fields.py" line="60"/>
        <source>yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fields.py" line="62"/>
        <source>no</source>
        <translation>لا</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fields.py" line="200"/>
        <source>Deleted</source>
        <translation>محذوف</translation>
    </message>
</context>
<context>
    <name>FormsAdminDialog</name>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="77"/>
        <source>Forms</source>
        <translation>النماذج</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="100"/>
        <source>T&amp;itle</source>
        <translation>العنوان (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="106"/>
        <source>The languages the labels are written in, the first one the default</source>
        <translation>اللغات التي كُتبت بها التسميات، وأولاها هي اللغة الافتراضية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="109"/>
        <source>&amp;Languages</source>
        <translation>اللغات (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="120"/>
        <source>&amp;Beneficiary</source>
        <translation>المستفيد (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="121"/>
        <source>Se&amp;ssion</source>
        <translation>الجلسة (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="128"/>
        <source>Problems in the definition</source>
        <translation>مشكلات في تعريف النموذج</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="135"/>
        <source>&amp;Import…</source>
        <translation>استيراد… (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="138"/>
        <source>E&amp;xport…</source>
        <translation>تصدير… (&amp;X)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="140"/>
        <source>Save &amp;draft</source>
        <translation>حفظ المسودة (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="141"/>
        <source>&amp;Publish…</source>
        <translation>نشر… (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="142"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="222"/>
        <source>Published: version %1. You are editing the draft of version %2.</source>
        <translation>المنشور: الإصدار ⁦%1⁩. أنت تحرِّر مسودة الإصدار ⁦%2⁩.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="226"/>
        <source>Nothing published yet. You are editing the draft of version 1.</source>
        <translation>لم يُنشر أي إصدار بعد. أنت تحرِّر مسودة الإصدار 1.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="229"/>
        <source>(unsaved changes)</source>
        <translation>(تغييرات غير محفوظة)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="231"/>
        <source>Correct the problems listed below to save or publish.</source>
        <translation>صحِّح المشكلات المذكورة أدناه لتتمكن من الحفظ أو النشر.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="240"/>
        <source>Form definitions (*.json)</source>
        <translation>تعريفات النماذج (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="240"/>
        <source>All files (*)</source>
        <translation>جميع الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="257"/>
        <source>Import a form definition</source>
        <translation>استيراد تعريف نموذج</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/forms_admin.py" line="273"/>
        <source>%1 was not imported: it has %n problem(s).</source>
        <translation>
            <numerusform>لم يُستورد الملف ⁦%1⁩: فيه %n مشكلة.</numerusform>
            <numerusform>لم يُستورد الملف ⁦%1⁩: فيه %n مشكلة.</numerusform>
            <numerusform>لم يُستورد الملف ⁦%1⁩: فيه %n مشكلتان.</numerusform>
            <numerusform>لم يُستورد الملف ⁦%1⁩: فيه %n مشكلات.</numerusform>
            <numerusform>لم يُستورد الملف ⁦%1⁩: فيه %n مشكلة.</numerusform>
            <numerusform>لم يُستورد الملف ⁦%1⁩: فيه %n مشكلة.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="291"/>
        <source>Export the form definition</source>
        <translation>تصدير تعريف النموذج</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="299"/>
        <source>Exported to %1.</source>
        <translation>تم التصدير إلى ⁦%1⁩.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="312"/>
        <source>Draft saved.</source>
        <translation>حُفظت المسودة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="321"/>
        <source>Publish the form</source>
        <translation>نشر النموذج</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="323"/>
        <source>Publish this form as version %1? Every laptop of the organisation gets it at its next sync. A published field can later be retired, never removed.</source>
        <translation>هل تريد نشر هذا النموذج بوصفه الإصدار ⁦%1⁩؟ ستحصل عليه كل حواسيب المنظمة عند مزامنتها التالية. يمكن لاحقًا إيقاف استخدام حقل منشور، لكن لا يمكن إزالته أبدًا.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="326"/>
        <source>&amp;Publish version %1</source>
        <translation>نشر الإصدار ⁦%1⁩ (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="343"/>
        <source>Version %1 published.</source>
        <translation>نُشر الإصدار ⁦%1⁩.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="376"/>
        <source>Unsaved changes</source>
        <translation>تغييرات غير محفوظة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="377"/>
        <source>Close without saving the draft?</source>
        <translation>هل تريد الإغلاق دون حفظ المسودة؟</translation>
    </message>
</context>
<context>
    <name>HouseholdPanel</name>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="79"/>
        <source>Household members</source>
        <translation>أفراد الأسرة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="86"/>
        <source>&amp;Open</source>
        <translation>فتح (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="87"/>
        <source>&amp;Add existing…</source>
        <translation>إضافة مستفيد مسجَّل… (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="89"/>
        <source>Register a &amp;new member…</source>
        <translation>تسجيل فرد جديد… (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="92"/>
        <source>Re&amp;lationship…</source>
        <translation>صلة القرابة… (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="94"/>
        <source>Make &amp;head</source>
        <translation>تعيين ربًّا للأسرة (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="95"/>
        <source>&amp;Remove</source>
        <translation>إزالة (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="132"/>
        <source>Enter or double-click opens %1</source>
        <translation>اضغط Enter أو انقر نقرًا مزدوجًا لفتح سجل ⁨%1⁩</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/household_panel.py" line="142"/>
        <source>%n member(s) in other caseloads</source>
        <translation>
            <numerusform>%n فرد في ملفات زملاء</numerusform>
            <numerusform>%n فرد في ملفات زملاء</numerusform>
            <numerusform>%n فردان في ملفات زملاء</numerusform>
            <numerusform>%n أفراد في ملفات زملاء</numerusform>
            <numerusform>%n فردًا في ملفات زملاء</numerusform>
            <numerusform>%n فرد في ملفات زملاء</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="146"/>
        <source>Not in a household.</source>
        <translation>ليس ضمن أسرة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="150"/>
        <source>Conflict: this household has several heads (%1), each made on another laptop. Choose the head: select a member and press Make head.</source>
        <translation>تعارض: لهذه الأسرة أكثر من ربّ (⁨%1⁩)، عُيِّن كلٌّ منهم على حاسوب مختلف. اختر ربّ الأسرة: حدِّد فردًا واضغط «تعيين ربًّا للأسرة».</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="154"/>
        <source>This household has no head. Select a member and press Make head.</source>
        <translation>ليس لهذه الأسرة ربّ. حدِّد فردًا واضغط «تعيين ربًّا للأسرة».</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="169"/>
        <location filename="../../desktop/ui/printing.py" line="233"/>
        <source>Head of household</source>
        <translation>ربّ الأسرة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="172"/>
        <location filename="../../desktop/ui/printing.py" line="241"/>
        <source>this record</source>
        <translation>هذا السجل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="230"/>
        <source>Added to the household.</source>
        <translation>أُضيف إلى الأسرة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="250"/>
        <source>Register a new member</source>
        <translation>تسجيل فرد جديد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="258"/>
        <source>Relationship of %1</source>
        <translation>صلة قرابة ⁨%1⁩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="266"/>
        <source>Relationship changed.</source>
        <translation>تغيَّرت صلة القرابة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="275"/>
        <source>%1 is now the head of the household.</source>
        <translation>أصبح ⁨%1⁩ ربّ الأسرة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="284"/>
        <source>%1 removed from the household.</source>
        <translation>أُزيل ⁨%1⁩ من الأسرة.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="89"/>
        <location filename="../../desktop/ui/import_dialog.py" line="90"/>
        <location filename="../../desktop/ui/import_dialog.py" line="199"/>
        <source>Import from a file</source>
        <translation>الاستيراد من ملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="102"/>
        <source>Import progress</source>
        <translation>تقدُّم الاستيراد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="104"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; السابق (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="105"/>
        <source>&amp;Next &gt;</source>
        <translation>التالي (&amp;N) &gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="106"/>
        <source>&amp;Dry run</source>
        <translation>تجربة دون استيراد (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="107"/>
        <source>&amp;Import</source>
        <translation>استيراد (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="108"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="139"/>
        <source>File to import</source>
        <translation>الملف المراد استيراده</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="140"/>
        <source>A CSV or XLSX file</source>
        <translation>ملف CSV أو XLSX</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="141"/>
        <source>B&amp;rowse…</source>
        <translation>استعراض… (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="147"/>
        <source>&amp;File:</source>
        <translation>الملف (&amp;F):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="151"/>
        <source>What the file holds</source>
        <translation>محتوى الملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="152"/>
        <source>Beneficiaries</source>
        <translation>المستفيدون</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="154"/>
        <source>Sessions (matched to beneficiaries by Case no.)</source>
        <translation>الجلسات (تُربط بالمستفيدين عبر رقم الملف)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="156"/>
        <source>&amp;What:</source>
        <translation>المحتوى (&amp;W):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="160"/>
        <source>Text encoding</source>
        <translation>ترميز النص</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="161"/>
        <source>Detect automatically</source>
        <translation>اكتشاف تلقائي</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="164"/>
        <source>&amp;Encoding (CSV):</source>
        <translation>الترميز (CSV) (&amp;E):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="168"/>
        <source>Order of day, month and year</source>
        <translation>ترتيب اليوم والشهر والسنة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="169"/>
        <source>Detect from the file</source>
        <translation>اكتشاف من الملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="170"/>
        <source>Day first (14/03/1988)</source>
        <translation>اليوم أولًا (⁦14/03/1988⁩)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="171"/>
        <source>Month first (03/14/1988)</source>
        <translation>الشهر أولًا (⁦03/14/1988⁩)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="172"/>
        <source>Year first (1988/03/14)</source>
        <translation>السنة أولًا (⁦1988/03/14⁩)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="173"/>
        <source>&amp;Dates:</source>
        <translation>التواريخ (&amp;D):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="178"/>
        <source>The file holds personal data: import only from a file you were given for this purpose, and delete copies you no longer need.</source>
        <translation>يحتوي الملف على بيانات شخصية: لا تستورد إلا من ملف أُعطي لك لهذا الغرض، واحذف النسخ التي لم تعد بحاجة إليها.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="201"/>
        <source>Spreadsheets (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>جداول بيانات (*.csv *.xlsx *.txt);;جميع الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="212"/>
        <source>Each column of the file and the field it fills. Change any that is wrong.</source>
        <translation>كل عمود في الملف والحقل الذي يملؤه. غيِّر ما كان خاطئًا.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="219"/>
        <source>Column mapping</source>
        <translation>مطابقة الأعمدة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="221"/>
        <source>Column in the file</source>
        <translation>العمود في الملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="221"/>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="221"/>
        <source>First value</source>
        <translation>القيمة الأولى</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="227"/>
        <source>&amp;Remember this mapping for the next import</source>
        <translation>تذكُّر هذه المطابقة للاستيراد التالي (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="252"/>
        <source>Field for the column %1</source>
        <translation>الحقل المقابل للعمود ⁨%1⁩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="253"/>
        <source>— not imported —</source>
        <translation>— لا يُستورد —</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="277"/>
        <source>Preview of the rows</source>
        <translation>معاينة الصفوف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="285"/>
        <source>Import the &amp;valid rows; write the others and why to:</source>
        <translation>استيراد الصفوف الصالحة، وكتابة الأخرى مع سبب رفضها في (&amp;V):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="288"/>
        <source>&amp;All or nothing: import nothing if any row has a problem</source>
        <translation>الكل أو لا شيء: عدم استيراد أي صف إذا كانت في أحد الصفوف مشكلة (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="295"/>
        <source>Rejects file</source>
        <translation>ملف الصفوف المرفوضة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="302"/>
        <source>&amp;Leave out the rows that look like a record already here</source>
        <translation>استبعاد الصفوف التي تشبه سجلًا موجودًا هنا (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="310"/>
        <source>Row</source>
        <translation>الصف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="310"/>
        <source>Problems</source>
        <translation>المشكلات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="349"/>
        <source>First rows of the file: %1; with problems (marked): %2; likely duplicates: %3. A dry run checks every row without importing.</source>
        <translation>الصفوف الأولى من الملف: %1؛ فيها مشكلات (مميَّزة): %2؛ مكررة على الأرجح: %3. تتحقق التجربة من كل صف دون استيراد.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="363"/>
        <location filename="../../desktop/ui/import_dialog.py" line="367"/>
        <source>Row %1</source>
        <translation>الصف %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="371"/>
        <source>looks like row %1 of this file</source>
        <translation>يشبه الصف %1 من هذا الملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="372"/>
        <source>looks like %1, already here</source>
        <translation>يشبه ⁦%1⁩ الموجود هنا</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="411"/>
        <source>Choose the file to import.</source>
        <translation>اختر الملف المراد استيراده.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="445"/>
        <source>%1: columns: %2.</source>
        <translation>⁦%1⁩: عدد الأعمدة: %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="460"/>
        <source>The file&apos;s text encoding could not be recognised. Choose it in the Encoding box (for a French or Spanish file from Windows: Windows-1252), then press Next.</source>
        <translation>تعذّر التعرف على ترميز نص الملف. اختره في مربع «الترميز» (لملف عربي من Windows: ⁦Windows-1256⁩؛ لملف فرنسي أو إسباني: ⁦Windows-1252⁩)، ثم اضغط «التالي».</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="493"/>
        <source>The dates of this file (e.g. %1) read either as day first or as month first. Choose the order in the Dates box, then press Next.</source>
        <translation>يمكن قراءة تواريخ هذا الملف (مثل ⁦%1⁩) على أن اليوم أولًا أو على أن الشهر أولًا. اختر الترتيب في مربع «التواريخ»، ثم اضغط «التالي».</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="529"/>
        <source>Rejected rows and why: %1</source>
        <translation>الصفوف المرفوضة وأسباب رفضها: ⁦%1⁩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="536"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="562"/>
        <source>Beneficiaries imported: %1.</source>
        <translation>المستفيدون المستوردون: %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="573"/>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
</context>
<context>
    <name>IncomingReferralsDialog</name>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="234"/>
        <location filename="../../desktop/ui/referral_dialog.py" line="242"/>
        <source>Incoming referrals</source>
        <translation>الإحالات الواردة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="243"/>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="243"/>
        <source>Received</source>
        <translation>تاريخ الاستلام</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="243"/>
        <source>Note</source>
        <translation>الملاحظة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="251"/>
        <source>Values shared with you:</source>
        <translation>القيم المشارَكة معك:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="254"/>
        <source>Values shared</source>
        <translation>القيم المشارَكة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="257"/>
        <source>&amp;Note (the reason, to decline):</source>
        <translation>ملاحظة (السبب، عند الرفض) (&amp;N):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="270"/>
        <source>&amp;Accept</source>
        <translation>قبول (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="272"/>
        <source>&amp;Decline</source>
        <translation>رفض (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="274"/>
        <source>&amp;Refresh</source>
        <translation>تحديث (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="275"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="290"/>
        <source>Asking the server…</source>
        <translation>جارٍ الاستعلام من الخادم…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/referral_dialog.py" line="302"/>
        <source>%n referral(s) waiting for an answer.</source>
        <translation>
            <numerusform>إحالات بانتظار الرد: %n.</numerusform>
            <numerusform>إحالات بانتظار الرد: %n.</numerusform>
            <numerusform>إحالات بانتظار الرد: %n.</numerusform>
            <numerusform>إحالات بانتظار الرد: %n.</numerusform>
            <numerusform>إحالات بانتظار الرد: %n.</numerusform>
            <numerusform>إحالات بانتظار الرد: %n.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="323"/>
        <source>Nothing shared.</source>
        <translation>لا توجد قيم مشارَكة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="323"/>
        <source>Select a referral.</source>
        <translation>اختر إحالة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="335"/>
        <source>Say why in the note to decline the referral.</source>
        <translation>اذكر السبب في الملاحظة لرفض الإحالة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="343"/>
        <source>Accepted: case %1 is made; it arrives with the next sync.</source>
        <translation>قُبلت: أُنشئ الملف ⁦%1⁩؛ وسيصل مع المزامنة التالية.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="349"/>
        <source>Declined.</source>
        <translation>رُفضت.</translation>
    </message>
</context>
<context>
    <name>IntegrityBanner</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/integrity_banner.py" line="51"/>
        <source>The database file is damaged: its full check found %n problem(s). Records you open may be incomplete. Stop entering data, make a backup (File › Back up now), then close Caseload and restore the latest good backup (File › Restore backup…) or ask your administrator to run &apos;caseload check&apos;.</source>
        <translation>
            <numerusform>ملف قاعدة البيانات تالف: لم يجد فحصه الكامل أي مشكلة (%n). قد تكون السجلات التي تفتحها ناقصة. توقّف عن إدخال البيانات، وأنشئ نسخة احتياطية (ملف › نسخ احتياطي الآن)، ثم أغلق Caseload واستعد آخر نسخة احتياطية سليمة (ملف › استعادة نسخة احتياطية…) أو اطلب من المسؤول تشغيل ‎&apos;caseload check&apos;‎.</numerusform>
            <numerusform>ملف قاعدة البيانات تالف: وجد فحصه الكامل مشكلة واحدة (%n). قد تكون السجلات التي تفتحها ناقصة. توقّف عن إدخال البيانات، وأنشئ نسخة احتياطية (ملف › نسخ احتياطي الآن)، ثم أغلق Caseload واستعد آخر نسخة احتياطية سليمة (ملف › استعادة نسخة احتياطية…) أو اطلب من المسؤول تشغيل ‎&apos;caseload check&apos;‎.</numerusform>
            <numerusform>ملف قاعدة البيانات تالف: وجد فحصه الكامل مشكلتين (%n). قد تكون السجلات التي تفتحها ناقصة. توقّف عن إدخال البيانات، وأنشئ نسخة احتياطية (ملف › نسخ احتياطي الآن)، ثم أغلق Caseload واستعد آخر نسخة احتياطية سليمة (ملف › استعادة نسخة احتياطية…) أو اطلب من المسؤول تشغيل ‎&apos;caseload check&apos;‎.</numerusform>
            <numerusform>ملف قاعدة البيانات تالف: وجد فحصه الكامل %n مشكلات. قد تكون السجلات التي تفتحها ناقصة. توقّف عن إدخال البيانات، وأنشئ نسخة احتياطية (ملف › نسخ احتياطي الآن)، ثم أغلق Caseload واستعد آخر نسخة احتياطية سليمة (ملف › استعادة نسخة احتياطية…) أو اطلب من المسؤول تشغيل ‎&apos;caseload check&apos;‎.</numerusform>
            <numerusform>ملف قاعدة البيانات تالف: وجد فحصه الكامل %n مشكلة. قد تكون السجلات التي تفتحها ناقصة. توقّف عن إدخال البيانات، وأنشئ نسخة احتياطية (ملف › نسخ احتياطي الآن)، ثم أغلق Caseload واستعد آخر نسخة احتياطية سليمة (ملف › استعادة نسخة احتياطية…) أو اطلب من المسؤول تشغيل ‎&apos;caseload check&apos;‎.</numerusform>
            <numerusform>ملف قاعدة البيانات تالف: وجد فحصه الكامل %n مشكلة. قد تكون السجلات التي تفتحها ناقصة. توقّف عن إدخال البيانات، وأنشئ نسخة احتياطية (ملف › نسخ احتياطي الآن)، ثم أغلق Caseload واستعد آخر نسخة احتياطية سليمة (ملف › استعادة نسخة احتياطية…) أو اطلب من المسؤول تشغيل ‎&apos;caseload check&apos;‎.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KindEditor</name>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="69"/>
        <source>Text</source>
        <translation>نص</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="70"/>
        <source>Long text</source>
        <translation>نص طويل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="71"/>
        <source>Whole number</source>
        <translation>عدد صحيح</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="72"/>
        <source>Decimal number</source>
        <translation>عدد عشري</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="73"/>
        <source>Date</source>
        <translation>تاريخ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="74"/>
        <source>Yes / no</source>
        <translation>نعم / لا</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="75"/>
        <source>One choice</source>
        <translation>خيار واحد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="76"/>
        <source>Several choices</source>
        <translation>خيارات متعددة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="109"/>
        <source>&amp;Fields</source>
        <translation>الحقول (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="113"/>
        <source>Fields</source>
        <translation>الحقول</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="120"/>
        <source>&amp;Add field</source>
        <translation>إضافة حقل (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="122"/>
        <location filename="../../desktop/ui/form_kind_editor.py" line="530"/>
        <source>Re&amp;tire</source>
        <translation>إيقاف الاستخدام (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="124"/>
        <source>Move &amp;up</source>
        <translation>نقل لأعلى (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="126"/>
        <source>Move do&amp;wn</source>
        <translation>نقل لأسفل (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="128"/>
        <source>Remo&amp;ve</source>
        <translation>إزالة (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="129"/>
        <source>Only a field never published can be removed</source>
        <translation>لا يمكن إزالة الحقل إلا إذا لم يُنشر قط</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="149"/>
        <source>Sections</source>
        <translation>الأقسام</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="156"/>
        <source>Add section</source>
        <translation>إضافة قسم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="159"/>
        <source>Remove section</source>
        <translation>إزالة القسم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="170"/>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="171"/>
        <source>Sectio&amp;ns</source>
        <translation>الأقسام (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="179"/>
        <source>Built-in fields sent with a referral to another organisation:</source>
        <translation>الحقول الأساسية التي تُرسل مع الإحالة إلى منظمة أخرى:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="193"/>
        <source>S&amp;hared</source>
        <translation>مشارَك (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="196"/>
        <source>&amp;Key</source>
        <translation>المفتاح (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="198"/>
        <source>Lowercase letters, digits and _; a published field&apos;s key never changes</source>
        <translation>حروف لاتينية صغيرة وأرقام و⁦_⁩؛ ولا يتغير مفتاح الحقل المنشور أبدًا</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="205"/>
        <source>K&amp;ind</source>
        <translation>النوع (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="212"/>
        <source>S&amp;ection</source>
        <translation>القسم (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="213"/>
        <source>&amp;Required</source>
        <translation>مطلوب (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="217"/>
        <source>Mi&amp;nimum</source>
        <translation>الحد الأدنى (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="218"/>
        <source>Ma&amp;ximum</source>
        <translation>الحد الأقصى (&amp;X)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="219"/>
        <source>Max &amp;length</source>
        <translation>الطول الأقصى (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="220"/>
        <source>&amp;Pattern</source>
        <translation>النمط (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="221"/>
        <source>A regular expression the whole value must match</source>
        <translation>تعبير نمطي يجب أن تطابقه القيمة كاملةً</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="222"/>
        <location filename="../../desktop/ui/form_kind_editor.py" line="226"/>
        <source>Choices</source>
        <translation>الخيارات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="234"/>
        <source>Add choice</source>
        <translation>إضافة خيار</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="237"/>
        <source>Remove choice</source>
        <translation>إزالة الخيار</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="241"/>
        <source>Used in</source>
        <translation>الاستخدام</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="244"/>
        <source>Personal data (cleared when erased)</source>
        <translation>بيانات شخصية (تُمحى عند محو البيانات)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="245"/>
        <source>A list column</source>
        <translation>عمود في القائمة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="246"/>
        <source>A list filter</source>
        <translation>عامل تصفية في القائمة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="247"/>
        <source>Searchable</source>
        <translation>قابل للبحث</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="248"/>
        <source>Identifies a person (duplicate check)</source>
        <translation>يحدِّد هوية الشخص (للتحقق من التكرار)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="249"/>
        <source>Shared in a referral to another organisation</source>
        <translation>يُشارَك في الإحالة إلى منظمة أخرى</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="259"/>
        <source>Retired: hidden from new entry, stored values kept</source>
        <translation>موقوف الاستخدام: لا يظهر عند الإدخال الجديد، وتُحفظ القيم المخزَّنة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="267"/>
        <source>Preview: the form as a caseworker sees it</source>
        <translation>معاينة: النموذج كما يراه مسؤول الحالة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="348"/>
        <source>(retired)</source>
        <translation>(موقوف الاستخدام)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="358"/>
        <source>Label (%1)</source>
        <translation>التسمية (⁦%1⁩)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="359"/>
        <source>Help (%1)</source>
        <translation>نص المساعدة (⁦%1⁩)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="371"/>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="376"/>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="387"/>
        <source>(no section)</source>
        <translation>(بلا قسم)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="530"/>
        <source>Res&amp;tore</source>
        <translation>إعادة الاستخدام (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="539"/>
        <source>New field</source>
        <translation>حقل جديد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="587"/>
        <source>Section</source>
        <translation>قسم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="628"/>
        <source>Choice %1</source>
        <translation>الخيار %1</translation>
    </message>
</context>
<context>
    <name>LanguageChooser</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="40"/>
        <source>System language</source>
        <translation>لغة النظام</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="44"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../desktop/ui/lock.py" line="83"/>
        <source>Caseload is locked</source>
        <translation>Caseload مقفل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="95"/>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="96"/>
        <source>Password to unlock</source>
        <translation>كلمة المرور لفتح القفل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="103"/>
        <source>Unlock error</source>
        <translation>خطأ في فتح القفل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="113"/>
        <location filename="../../desktop/ui/lock.py" line="115"/>
        <source>Switch user</source>
        <translation>تبديل المستخدم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="119"/>
        <location filename="../../desktop/ui/lock.py" line="121"/>
        <source>Unlock</source>
        <translation>فتح القفل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="135"/>
        <source>Locked for %1 (%2). Enter your password to continue.</source>
        <translation>مقفل لـ ⁨%1⁩ (⁦%2⁩). أدخل كلمة المرور للمتابعة.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/ui/login.py" line="105"/>
        <source>Caseload: log in</source>
        <translation>Caseload: تسجيل الدخول</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="110"/>
        <source>Log in to open the encrypted case records.</source>
        <translation>سجِّل الدخول لفتح ملفات الحالات المشفَّرة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="114"/>
        <source>Username</source>
        <translation>اسم المستخدم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="115"/>
        <source>&amp;Username</source>
        <translation>اسم المستخدم (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="119"/>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="120"/>
        <source>&amp;Password</source>
        <translation>كلمة المرور (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="127"/>
        <source>Login error</source>
        <translation>خطأ في تسجيل الدخول</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="135"/>
        <location filename="../../desktop/ui/login.py" line="138"/>
        <source>Log in</source>
        <translation>تسجيل الدخول</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="141"/>
        <location filename="../../desktop/ui/login.py" line="143"/>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="146"/>
        <source>&amp;Restore backup…</source>
        <translation>استعادة نسخة احتياطية… (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="149"/>
        <source>Restore backup</source>
        <translation>استعادة نسخة احتياطية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="171"/>
        <source>Enter your username and password.</source>
        <translation>أدخل اسم المستخدم وكلمة المرور.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="203"/>
        <source>%1. It was not opened, and nothing was changed.</source>
        <translation>⁨%1⁩. لم تُفتح ولم يُغيَّر أي شيء.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="208"/>
        <source>Enter your username and password, then choose “Restore backup…” to replace it with a backup.</source>
        <translation>أدخل اسم المستخدم وكلمة المرور، ثم اختر «استعادة نسخة احتياطية…» لاستبدالها بنسخة احتياطية.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="229"/>
        <source>Choose a Caseload backup</source>
        <translation>اختر نسخة احتياطية من Caseload</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="231"/>
        <source>Caseload backups (*.db);;All files (*)</source>
        <translation>نسخ Caseload الاحتياطية (*.db);;جميع الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="242"/>
        <source>Enter your username and password first: they prove who restores.</source>
        <translation>أدخل اسم المستخدم وكلمة المرور أولًا: فهما يثبتان هوية من يستعيد.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="262"/>
        <source>The backup was restored (the replaced file is kept in %1). Log in.</source>
        <translation>تمت استعادة النسخة الاحتياطية (الملف المستبدَل محفوظ في ⁦%1⁩). سجِّل الدخول.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="285"/>
        <source>You can try again now.</source>
        <translation>يمكنك المحاولة مجددًا الآن.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/login.py" line="293"/>
        <source>Wait %n second(s) before trying again.</source>
        <translation>
            <numerusform>انتظر %n ثانية قبل المحاولة مجددًا.</numerusform>
            <numerusform>انتظر %n ثانية قبل المحاولة مجددًا.</numerusform>
            <numerusform>انتظر %n ثانيتين قبل المحاولة مجددًا.</numerusform>
            <numerusform>انتظر %n ثوانٍ قبل المحاولة مجددًا.</numerusform>
            <numerusform>انتظر %n ثانية قبل المحاولة مجددًا.</numerusform>
            <numerusform>انتظر %n ثانية قبل المحاولة مجددًا.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/roles.py" line="13"/>
        <source>caseworker</source>
        <translation>مسؤول حالة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roles.py" line="14"/>
        <source>supervisor</source>
        <translation>مشرف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roles.py" line="15"/>
        <source>admin</source>
        <translation>مسؤول النظام</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="125"/>
        <source>Tasks</source>
        <translation>المهام</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="133"/>
        <source>Transfers</source>
        <translation>نقل الملفات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="182"/>
        <source>Caseload — %1 (%2)</source>
        <translation>Caseload — ⁨%1⁩ (⁨%2⁩)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="187"/>
        <source>%1 · %2</source>
        <translation>⁨%1⁩ · ⁨%2⁩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="191"/>
        <source>Unlocked</source>
        <translation>تم فتح القفل</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="222"/>
        <source>%n overdue task(s) · My tasks: Ctrl+T</source>
        <translation>
            <numerusform>%n مهمة متأخرة · مهامي: Ctrl+T</numerusform>
            <numerusform>%n مهمة متأخرة · مهامي: Ctrl+T</numerusform>
            <numerusform>%n مهمتان متأخرتان · مهامي: Ctrl+T</numerusform>
            <numerusform>%n مهام متأخرة · مهامي: Ctrl+T</numerusform>
            <numerusform>%n مهمة متأخرة · مهامي: Ctrl+T</numerusform>
            <numerusform>%n مهمة متأخرة · مهامي: Ctrl+T</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="447"/>
        <source>Form version %1 published.</source>
        <translation>نُشر الإصدار ⁦%1⁩ من النماذج.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="468"/>
        <source>About Caseload</source>
        <translation>حول Caseload</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="469"/>
        <source>Caseload %1
Offline-first case management with encrypted storage.</source>
        <translation>Caseload ⁦%1⁩
إدارة الحالات دون اتصال أولًا، مع تخزين مشفَّر.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="481"/>
        <source>Your password was changed.</source>
        <translation>تم تغيير كلمة المرور.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="500"/>
        <source>Diagnostics copied to the clipboard (no personal data).</source>
        <translation>نُسخت معلومات التشخيص إلى الحافظة (بلا بيانات شخصية).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="508"/>
        <source>Restore backup</source>
        <translation>استعادة نسخة احتياطية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="510"/>
        <source>Restoring replaces every record on this computer with the backup&apos;s: whatever was written after the backup was made is lost (the current database is kept aside in the backup folder). Caseload logs you out; in the login window enter your password and choose the backup file.</source>
        <translation>تستبدل الاستعادة كل السجلات على هذا الحاسوب بسجلات النسخة الاحتياطية: يضيع كل ما كُتب بعد إنشاء النسخة (تُحفظ قاعدة البيانات الحالية جانبًا في مجلد النسخ الاحتياطية). سيسجِّل Caseload خروجك؛ أدخل كلمة المرور في نافذة تسجيل الدخول واختر ملف النسخة الاحتياطية.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="515"/>
        <source>&amp;Log out and restore</source>
        <translation>تسجيل الخروج والاستعادة (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="543"/>
        <location filename="../../desktop/ui/main_window.py" line="545"/>
        <source>Backing up…</source>
        <translation>جارٍ النسخ الاحتياطي…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="560"/>
        <source>Backup written: %1</source>
        <translation>كُتبت النسخة الاحتياطية: ⁦%1⁩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="563"/>
        <source>(File → Settings…)</source>
        <translation>(ملف ← الإعدادات…)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="627"/>
        <source>Locked</source>
        <translation>مقفل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="686"/>
        <source>Switch user</source>
        <translation>تبديل المستخدم</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="687"/>
        <location filename="../../desktop/ui/main_window.py" line="722"/>
        <source>Discard the unsaved changes in %n open form(s)?</source>
        <translation>
            <numerusform>هل تريد تجاهل التغييرات غير المحفوظة في %n نموذج مفتوح؟</numerusform>
            <numerusform>هل تريد تجاهل التغييرات غير المحفوظة في %n نموذج مفتوح؟</numerusform>
            <numerusform>هل تريد تجاهل التغييرات غير المحفوظة في %n نموذجين مفتوحين؟</numerusform>
            <numerusform>هل تريد تجاهل التغييرات غير المحفوظة في %n نماذج مفتوحة؟</numerusform>
            <numerusform>هل تريد تجاهل التغييرات غير المحفوظة في %n نموذجًا مفتوحًا؟</numerusform>
            <numerusform>هل تريد تجاهل التغييرات غير المحفوظة في %n نموذج مفتوح؟</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="688"/>
        <source>&amp;Discard and switch</source>
        <translation>التجاهل والتبديل (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="721"/>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="723"/>
        <source>&amp;Discard and quit</source>
        <translation>التجاهل والخروج (&amp;D)</translation>
    </message>
</context>
<context>
    <name>ManualDialog</name>
    <message>
        <location filename="../../desktop/ui/help.py" line="55"/>
        <source>Caseload user manual</source>
        <translation>دليل مستخدم ⁦Caseload⁩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="61"/>
        <source>User manual</source>
        <translation>دليل المستخدم</translation>
    </message>
</context>
<context>
    <name>MergeActions</name>
    <message>
        <location filename="../../desktop/ui/merge_actions.py" line="25"/>
        <source>Merge…</source>
        <translation>دمج…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_actions.py" line="28"/>
        <source>Merge the two records selected in the list (one person, twice)</source>
        <translation>دمج السجلين المحدَّدين في القائمة (شخص واحد مسجَّل مرتين)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_actions.py" line="31"/>
        <source>Possible duplicates…</source>
        <translation>تكرارات محتملة…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_actions.py" line="33"/>
        <source>Find records across the caseload that may be one person</source>
        <translation>البحث في جميع الملفات عن سجلات قد تكون لشخص واحد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_actions.py" line="36"/>
        <source>Undo merge…</source>
        <translation>التراجع عن الدمج…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_actions.py" line="38"/>
        <source>Put back the record merged into the one shown</source>
        <translation>استعادة السجل الذي دُمج في السجل المعروض</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_actions.py" line="71"/>
        <source>Merged on %1: another record of this person was merged into this one.</source>
        <translation>دمج بتاريخ ⁦%1⁩: دُمج في هذا السجل سجلٌّ آخر لهذا الشخص.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="47"/>
        <source>Merge two records</source>
        <translation>دمج سجلين</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="65"/>
        <source>&amp;Swap sides</source>
        <translation>تبديل الجانبين (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="68"/>
        <source>&amp;Merge</source>
        <translation>دمج (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="70"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="90"/>
        <source>%1 stays; %2 is merged into it and kept as a forwarding record. Choose each highlighted field&apos;s value. Its sessions, tasks and other linked records move to %1. A supervisor can undo the merge.</source>
        <translation>يبقى السجل ⁦%1⁩؛ ويُدمج فيه السجل ⁦%2⁩ ويُحتفظ به سجلًّا يُحيل إليه. اختر قيمة كل حقل مميَّز. تنتقل جلساته ومهامه وسائر السجلات المرتبطة به إلى ⁦%1⁩. يمكن للمشرف التراجع عن الدمج.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="101"/>
        <source>Moving to %1: %2.</source>
        <translation>ينتقل إلى ⁦%1⁩: %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="103"/>
        <source>nothing</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="112"/>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="113"/>
        <source>Stays: %1</source>
        <translation>يبقى: ⁦%1⁩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="114"/>
        <source>Merged: %1</source>
        <translation>يُدمج: ⁦%1⁩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="133"/>
        <source>%1, from %2</source>
        <translation>⁨%1⁩، من ⁦%2⁩</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/merge_dialog.py" line="181"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n جلسة</numerusform>
            <numerusform>%n جلسة</numerusform>
            <numerusform>%n جلستان</numerusform>
            <numerusform>%n جلسات</numerusform>
            <numerusform>%n جلسةً</numerusform>
            <numerusform>%n جلسة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/merge_dialog.py" line="182"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n مهمة</numerusform>
            <numerusform>%n مهمة</numerusform>
            <numerusform>%n مهمتان</numerusform>
            <numerusform>%n مهام</numerusform>
            <numerusform>%n مهمةً</numerusform>
            <numerusform>%n مهمة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/merge_dialog.py" line="183"/>
        <source>%n household link(s)</source>
        <translation>
            <numerusform>%n صلة أسرية</numerusform>
            <numerusform>%n صلة أسرية</numerusform>
            <numerusform>%n صلتان أسريتان</numerusform>
            <numerusform>%n صلات أسرية</numerusform>
            <numerusform>%n صلةً أسرية</numerusform>
            <numerusform>%n صلة أسرية</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/merge_dialog.py" line="184"/>
        <source>%n transfer(s)</source>
        <translation>
            <numerusform>%n طلب نقل</numerusform>
            <numerusform>%n طلب نقل</numerusform>
            <numerusform>%n طلبا نقل</numerusform>
            <numerusform>%n طلبات نقل</numerusform>
            <numerusform>%n طلبَ نقل</numerusform>
            <numerusform>%n طلب نقل</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/merge_dialog.py" line="185"/>
        <source>%n referral(s)</source>
        <translation>
            <numerusform>%n إحالة</numerusform>
            <numerusform>%n إحالة</numerusform>
            <numerusform>%n إحالتان</numerusform>
            <numerusform>%n إحالات</numerusform>
            <numerusform>%n إحالةً</numerusform>
            <numerusform>%n إحالة</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="214"/>
        <source>%2 merged into %1.</source>
        <translation>دُمج ⁦%2⁩ في ⁦%1⁩.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="265"/>
        <source>Undo the merge?</source>
        <translation>هل تريد التراجع عن الدمج؟</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="267"/>
        <source>The merged record comes back with the sessions, tasks and other records that moved with the merge; the kept record&apos;s fields the merge changed go back.</source>
        <translation>يعود السجل المدموج ومعه الجلسات والمهام والسجلات الأخرى التي انتقلت بالدمج؛ وتعود حقول السجل المُبقى عليه التي غيَّرها الدمج إلى ما كانت عليه.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="270"/>
        <source>&amp;Undo merge</source>
        <translation>التراجع عن الدمج (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="274"/>
        <source>Merge undone.</source>
        <translation>تم التراجع عن الدمج.</translation>
    </message>
</context>
<context>
    <name>NewTaskDialog</name>
    <message>
        <location filename="../../desktop/ui/task_dialog.py" line="37"/>
        <source>New task for %1</source>
        <translation>مهمة جديدة لـ ⁨%1⁩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/task_dialog.py" line="61"/>
        <source>Add task</source>
        <translation>إضافة مهمة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/task_dialog.py" line="73"/>
        <source>Task added.</source>
        <translation>أُضيفت المهمة.</translation>
    </message>
</context>
<context>
    <name>PrintCaseDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/print_dialog.py" line="239"/>
        <source>Saved %1 (%n page(s)); the PDF is not encrypted.</source>
        <translation>
            <numerusform>حُفظ ⁦%1⁩ (عدد الصفحات: %n)؛ ملف PDF غير مُعمًّى.</numerusform>
            <numerusform>حُفظ ⁦%1⁩ (عدد الصفحات: %n)؛ ملف PDF غير مُعمًّى.</numerusform>
            <numerusform>حُفظ ⁦%1⁩ (عدد الصفحات: %n)؛ ملف PDF غير مُعمًّى.</numerusform>
            <numerusform>حُفظ ⁦%1⁩ (عدد الصفحات: %n)؛ ملف PDF غير مُعمًّى.</numerusform>
            <numerusform>حُفظ ⁦%1⁩ (عدد الصفحات: %n)؛ ملف PDF غير مُعمًّى.</numerusform>
            <numerusform>حُفظ ⁦%1⁩ (عدد الصفحات: %n)؛ ملف PDF غير مُعمًّى.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/print_dialog.py" line="262"/>
        <source>Sent to the printer (%n page(s)).</source>
        <translation>
            <numerusform>أُرسل إلى الطابعة (عدد الصفحات: %n).</numerusform>
            <numerusform>أُرسل إلى الطابعة (عدد الصفحات: %n).</numerusform>
            <numerusform>أُرسل إلى الطابعة (عدد الصفحات: %n).</numerusform>
            <numerusform>أُرسل إلى الطابعة (عدد الصفحات: %n).</numerusform>
            <numerusform>أُرسل إلى الطابعة (عدد الصفحات: %n).</numerusform>
            <numerusform>أُرسل إلى الطابعة (عدد الصفحات: %n).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="271"/>
        <source>Printing…</source>
        <translation>جارٍ الطباعة…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="51"/>
        <source>Print %1</source>
        <translation>طباعة ⁦%1⁩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="57"/>
        <source>&amp;Case summary</source>
        <translation>ملخص الملف (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="59"/>
        <source>The record, the organisation&apos;s fields and every session</source>
        <translation>السجل وحقول المنظمة وكل الجلسات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="60"/>
        <source>&amp;Referral letter</source>
        <translation>رسالة إحالة (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="62"/>
        <source>A letter referring this person to a partner</source>
        <translation>رسالة تحيل هذا الشخص إلى جهة شريكة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="69"/>
        <source>Referral</source>
        <translation>الإحالة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="80"/>
        <source>Recipient&apos;s &amp;name:</source>
        <translation>اسم المستلم (&amp;N):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="81"/>
        <source>&amp;Organisation:</source>
        <translation>المنظمة (&amp;O):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="82"/>
        <source>Rea&amp;son:</source>
        <translation>السبب (&amp;S):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="92"/>
        <source>PDF file</source>
        <translation>ملف PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="94"/>
        <source>PDF &amp;file:</source>
        <translation>ملف PDF (&amp;F):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="96"/>
        <source>&amp;Browse…</source>
        <translation>استعراض… (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="105"/>
        <source>The PDF is not encrypted and holds this person&apos;s personal data: keep it where only people who may read the case can open it, and delete it when it is no longer needed.</source>
        <translation>ملف PDF غير مُعمًّى ويحتوي على البيانات الشخصية لهذا الشخص: احفظه حيث لا يستطيع فتحه إلا من يحق لهم الاطلاع على الملف، واحذفه عندما لا تعود بحاجة إليه.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="124"/>
        <source>&amp;Print…</source>
        <translation>طباعة… (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="128"/>
        <source>Save as P&amp;DF</source>
        <translation>حفظ بصيغة PDF (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="153"/>
        <source>Save as PDF (not encrypted)</source>
        <translation>حفظ بصيغة PDF (غير مُعمًّى)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="155"/>
        <source>PDF files (*.pdf)</source>
        <translation>ملفات PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="164"/>
        <source>Replace the file?</source>
        <translation>هل تريد استبدال الملف؟</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="165"/>
        <source>%1 exists. Replace it with this paper?</source>
        <translation>⁦%1⁩ موجود. هل تريد استبداله بهذه الورقة؟</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="166"/>
        <source>&amp;Replace</source>
        <translation>استبدال (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="182"/>
        <source>Name the PDF file to write.</source>
        <translation>اكتب اسم ملف PDF المراد كتابته.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../desktop/ui/paper.py" line="108"/>
        <source>The printer or the file could not be opened for writing.</source>
        <translation>تعذّر فتح الطابعة أو الملف للكتابة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper.py" line="117"/>
        <source>Printing stopped; nothing was written.</source>
        <translation>توقفت الطباعة؛ لم يُكتب شيء.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper.py" line="128"/>
        <source>%1 · page %2 of %3</source>
        <translation>%1 · الصفحة %2 من %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper.py" line="168"/>
        <source>%1 is a folder; name the PDF file.</source>
        <translation>⁦%1⁩ مجلد؛ اكتب اسم ملف PDF.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper.py" line="171"/>
        <source>The folder %1 does not exist.</source>
        <translation>المجلد ⁦%1⁩ غير موجود.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper.py" line="176"/>
        <source>Cannot write in %1: %2.</source>
        <translation>تتعذّر الكتابة في ⁦%1⁩: ⁨%2⁩.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="173"/>
        <source>Beneficiary</source>
        <translation>المستفيد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="180"/>
        <source>The organisation&apos;s fields</source>
        <translation>حقول المنظمة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="202"/>
        <source>No sessions recorded.</source>
        <translation>لا توجد جلسات مسجَّلة.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/printing.py" line="218"/>
        <source>Follow-up tasks (%n)</source>
        <translation>
            <numerusform>مهام المتابعة (%n)</numerusform>
            <numerusform>مهام المتابعة (%n)</numerusform>
            <numerusform>مهام المتابعة (%n)</numerusform>
            <numerusform>مهام المتابعة (%n)</numerusform>
            <numerusform>مهام المتابعة (%n)</numerusform>
            <numerusform>مهام المتابعة (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="220"/>
        <source>No follow-up tasks.</source>
        <translation>لا توجد مهام متابعة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="253"/>
        <source>The household&apos;s head is to be chosen again.</source>
        <translation>يجب اختيار ربّ الأسرة من جديد.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="288"/>
        <source>Printed by %1 on %2. Confidential: this paper holds personal data.</source>
        <translation>طبعه %1 في ⁦%2⁩. سري: تحتوي هذه الورقة على بيانات شخصية.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="300"/>
        <source>Case summary</source>
        <translation>ملخص الملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="330"/>
        <source>Name the person or the organisation the case is referred to.</source>
        <translation>اذكر اسم الشخص أو المنظمة التي يُحال إليها الملف.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="333"/>
        <source>Say why the case is referred.</source>
        <translation>اذكر سبب إحالة الملف.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="355"/>
        <source>Referral</source>
        <translation>إحالة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="367"/>
        <source>We refer %1 to your organisation, for the reason below.</source>
        <translation>نحيل %1 إلى منظمتكم للسبب المبيَّن أدناه.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="370"/>
        <source>Person referred</source>
        <translation>الشخص المُحال</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="372"/>
        <source>Reason for the referral</source>
        <translation>سبب الإحالة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="374"/>
        <source>Caseworker</source>
        <translation>مسؤول الحالة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="376"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="378"/>
        <source>Letter written by</source>
        <translation>كاتب الرسالة</translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="174"/>
        <source>Saved %1.</source>
        <translation>تم حفظ الملف ⁦%1⁩.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="207"/>
        <source>Session saved.</source>
        <translation>حُفظت الجلسة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="213"/>
        <source>Caseload is locked; unlock it to save.</source>
        <translation>Caseload مقفل؛ افتح القفل للحفظ.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="255"/>
        <source>Session cancelled.</source>
        <translation>أُلغيت الجلسة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="262"/>
        <source>Delete session</source>
        <translation>حذف الجلسة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="263"/>
        <source>Delete this session, with its summary and outcome?</source>
        <translation>هل تريد حذف هذه الجلسة مع ملخصها ونتيجتها؟</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="264"/>
        <source>&amp;Delete session</source>
        <translation>حذف الجلسة (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="268"/>
        <source>Session deleted.</source>
        <translation>حُذفت الجلسة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="280"/>
        <source>&amp;Continue</source>
        <translation>متابعة (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="306"/>
        <source>Case closed.</source>
        <translation>أُغلق الملف.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="317"/>
        <source>Case reopened.</source>
        <translation>أُعيد فتح الملف.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="331"/>
        <source>Reassign</source>
        <translation>إعادة الإسناد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="332"/>
        <source>New caseworker for %1:</source>
        <translation>مسؤول الحالة الجديد لـ ⁨%1⁩:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="342"/>
        <source>Reassigned to %1.</source>
        <translation>أُسند إلى ⁨%1⁩.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="351"/>
        <source>Delete beneficiary</source>
        <translation>حذف المستفيد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="353"/>
        <source>Delete %1 (%2)? Their personal data and their sessions (%3), with every summary and outcome, are removed; the deletion is recorded and synced.</source>
        <translation>هل تريد حذف ⁨%1⁩ (⁦%2⁩)؟ ستُحذف بياناته الشخصية وجلساته (%3) مع كل ملخص ونتيجة؛ ويُسجَّل الحذف وتجري مزامنته.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="359"/>
        <source>&amp;Delete</source>
        <translation>حذف (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="364"/>
        <source>Deleted.</source>
        <translation>تم الحذف.</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../desktop/ui/forms.py" line="174"/>
        <source>Form error</source>
        <translation>خطأ في النموذج</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="197"/>
        <location filename="../../desktop/ui/forms.py" line="563"/>
        <source>&amp;Save</source>
        <translation>حفظ (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="199"/>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="200"/>
        <source>Save (Ctrl+S)</source>
        <translation>حفظ (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="202"/>
        <location filename="../../desktop/ui/forms.py" line="203"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="320"/>
        <source>Choose…</source>
        <translation>اختر…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="321"/>
        <source>(not recorded)</source>
        <translation>(غير مسجَّل)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="563"/>
        <source>Saving…</source>
        <translation>جارٍ الحفظ…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="582"/>
        <source>Unsaved changes</source>
        <translation>تغييرات غير محفوظة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="583"/>
        <source>Save your changes before closing?</source>
        <translation>هل تريد حفظ تغييراتك قبل الإغلاق؟</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="57"/>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="58"/>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="94"/>
        <source>Refer %1 to another organisation</source>
        <translation>إحالة ⁨%1⁩ إلى منظمة أخرى</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="101"/>
        <source>%1 (case %2)</source>
        <translation>⁨%1⁩ (الملف ⁦%2⁩)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="113"/>
        <source>Receiving organisation</source>
        <translation>المنظمة المستقبِلة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="114"/>
        <source>Loading the server&apos;s list…</source>
        <translation>جارٍ تحميل القائمة من الخادم…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="115"/>
        <source>&amp;To organisation:</source>
        <translation>إلى المنظمة (&amp;T):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="119"/>
        <source>Only these values leave this organisation (the form definition marks them shareable):</source>
        <translation>لا يخرج من هذه المنظمة سوى هذه القيم (يعلِّمها تعريف النموذج بأنها قابلة للمشاركة):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="127"/>
        <source>Values that will be shared</source>
        <translation>القيم التي ستُشارَك</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="131"/>
        <source>Nothing: the form definition marks no field shareable.</source>
        <translation>لا شيء: لا يعلِّم تعريف النموذج أي حقل بأنه قابل للمشاركة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="136"/>
        <source>The person &amp;consents to sharing these values with that organisation</source>
        <translation>يوافق الشخص على مشاركة هذه القيم مع تلك المنظمة (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="140"/>
        <source>&amp;Note for the receiving organisation:</source>
        <translation>ملاحظة للمنظمة المستقبِلة (&amp;N):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="144"/>
        <source>Referral note</source>
        <translation>ملاحظة الإحالة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="159"/>
        <source>&amp;Send referral</source>
        <translation>إرسال الإحالة (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="177"/>
        <source>Organisation name</source>
        <translation>اسم المنظمة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="181"/>
        <source>The server cannot be reached: type the organisation&apos;s name</source>
        <translation>تعذَّر الوصول إلى الخادم: اكتب اسم المنظمة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="199"/>
        <source>Referral saved; it is sent at the next sync.</source>
        <translation>حُفظت الإحالة؛ وستُرسل عند المزامنة التالية.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="212"/>
        <source>Consent</source>
        <translation>الموافقة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="213"/>
        <source>To organisation</source>
        <translation>إلى المنظمة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="214"/>
        <source>Note</source>
        <translation>الملاحظة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="376"/>
        <source>To %1: %2</source>
        <translation>إلى ⁨%1⁩: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="381"/>
        <source>(not sent yet)</source>
        <translation>(لم تُرسل بعد)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="63"/>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="70"/>
        <source>Lock after idle minutes</source>
        <translation>دقائق الخمول قبل القفل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="72"/>
        <source> min</source>
        <translation> دقيقة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="74"/>
        <source>&amp;Lock after idle time</source>
        <translation>القفل بعد مدة خمول (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="79"/>
        <location filename="../../desktop/ui/settings_dialog.py" line="122"/>
        <source>Backup folder</source>
        <translation>مجلد النسخ الاحتياطية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="82"/>
        <source>&amp;Browse…</source>
        <translation>استعراض… (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="83"/>
        <source>Browse for backup folder</source>
        <translation>اختيار مجلد النسخ الاحتياطية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="86"/>
        <source>Backup &amp;folder</source>
        <translation>مجلد النسخ الاحتياطية (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="94"/>
        <source>Back up automatically once a day</source>
        <translation>نسخ احتياطي تلقائي مرة في اليوم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="96"/>
        <source>Automatic daily backup</source>
        <translation>نسخ احتياطي يومي تلقائي</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="99"/>
        <source>Back up &amp;now</source>
        <translation>نسخ احتياطي الآن (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="100"/>
        <source>Back up now</source>
        <translation>نسخ احتياطي الآن</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="104"/>
        <source>&amp;Language</source>
        <translation>اللغة (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="106"/>
        <source>A new language applies the next time Caseload starts.</source>
        <translation>تُطبَّق اللغة الجديدة عند تشغيل Caseload في المرة القادمة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="151"/>
        <source>This folder is on the same disk as the database: if the laptop is lost or its disk fails, the backups go with it. Choose a folder on a USB drive or another disk.</source>
        <translation>هذا المجلد على القرص نفسه الذي عليه قاعدة البيانات: إذا فُقد الحاسوب أو تعطل قرصه، تضيع النسخ الاحتياطية معه. اختر مجلدًا على ذاكرة USB أو على قرص آخر.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../desktop/ui/login.py" line="336"/>
        <source>Caseload: first start</source>
        <translation>Caseload: التشغيل الأول</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="344"/>
        <source>Welcome. Caseload keeps case records encrypted on this computer. Create the first administrator account; it can add the other users.</source>
        <translation>مرحبًا. يحفظ Caseload ملفات الحالات مشفَّرة على هذا الحاسوب. أنشئ أول حساب لمسؤول النظام؛ ويمكنه إضافة المستخدمين الآخرين.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="353"/>
        <source>Lan&amp;guage</source>
        <translation>اللغة (&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="376"/>
        <source>Admin &amp;username</source>
        <translation>اسم مستخدم المسؤول (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="377"/>
        <source>&amp;Display name</source>
        <translation>الاسم المعروض (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="378"/>
        <source>&amp;Password</source>
        <translation>كلمة المرور (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="379"/>
        <source>&amp;Repeat password</source>
        <translation>تأكيد كلمة المرور (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="383"/>
        <source>Use a long passphrase (at least 8 characters). There is no way to recover the records if every password is lost.</source>
        <translation>استخدم عبارة مرور طويلة (8 أحرف على الأقل). لا سبيل لاسترجاع السجلات إذا فُقدت كل كلمات المرور.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="395"/>
        <location filename="../../desktop/ui/login.py" line="398"/>
        <source>Create database</source>
        <translation>إنشاء قاعدة البيانات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="401"/>
        <location filename="../../desktop/ui/login.py" line="403"/>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="425"/>
        <source>The two passwords differ.</source>
        <translation>كلمتا المرور غير متطابقتين.</translation>
    </message>
</context>
<context>
    <name>SyncControls</name>
    <message>
        <location filename="../../desktop/ui/window_sync.py" line="80"/>
        <source>Last backup: %1</source>
        <translation>آخر نسخة احتياطية: ⁦%1⁩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_sync.py" line="82"/>
        <source>No backup yet</source>
        <translation>لا توجد نسخة احتياطية بعد</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="183"/>
        <source>Sync with the central server</source>
        <translation>المزامنة مع الخادم المركزي</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="188"/>
        <source>Server account</source>
        <translation>الحساب على الخادم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="192"/>
        <source>Server address</source>
        <translation>عنوان الخادم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="194"/>
        <source>Server username</source>
        <translation>اسم المستخدم على الخادم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="197"/>
        <source>Server password</source>
        <translation>كلمة المرور على الخادم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="198"/>
        <source>asked once; only a token is kept</source>
        <translation>تُطلب مرة واحدة؛ ولا يُحفظ إلا رمز دخول</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="199"/>
        <source>&amp;Server:</source>
        <translation>الخادم (&amp;S):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="203"/>
        <location filename="../../desktop/ui/sync_panel.py" line="440"/>
        <source>Certificate authority file</source>
        <translation>ملف جهة إصدار الشهادات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="204"/>
        <source>none: the usual trusted authorities</source>
        <translation>لا شيء: الجهات الموثوقة المعتادة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="205"/>
        <source>B&amp;rowse…</source>
        <translation>استعراض… (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="206"/>
        <source>Browse for a certificate authority file</source>
        <translation>اختيار ملف جهة إصدار الشهادات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="211"/>
        <source>Certificate &amp;authority:</source>
        <translation>جهة إصدار الشهادات (&amp;A):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="212"/>
        <source>&amp;Username:</source>
        <translation>اسم المستخدم (&amp;U):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="213"/>
        <source>&amp;Password:</source>
        <translation>كلمة المرور (&amp;P):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="215"/>
        <source>Sign &amp;in</source>
        <translation>تسجيل الدخول (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="216"/>
        <source>Sign &amp;out</source>
        <translation>تسجيل الخروج (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="217"/>
        <source>Cancel sign-in</source>
        <translation>إلغاء تسجيل الدخول</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="242"/>
        <location filename="../../desktop/ui/sync_panel.py" line="245"/>
        <source>Record</source>
        <translation>السجل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="242"/>
        <source>Reason the server gave</source>
        <translation>السبب الذي ذكره الخادم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="245"/>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="245"/>
        <source>Here</source>
        <translation>على هذا الحاسوب</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="245"/>
        <source>On the server</source>
        <translation>على الخادم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="253"/>
        <source>Keep &amp;mine</source>
        <translation>الإبقاء على نسختي (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="254"/>
        <source>Keep &amp;theirs</source>
        <translation>الإبقاء على نسخة الخادم (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="255"/>
        <source>&amp;Edit…</source>
        <translation>تعديل… (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="268"/>
        <source>Case number</source>
        <translation>رقم الملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="268"/>
        <source>What waits</source>
        <translation>ما ينتظر</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="268"/>
        <source>Who can decide</source>
        <translation>من يمكنه البتّ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="271"/>
        <source>Refused records</source>
        <translation>السجلات المرفوضة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="272"/>
        <source>Conflicts</source>
        <translation>التعارضات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="273"/>
        <source>Waiting for a decision</source>
        <translation>بانتظار قرار</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="278"/>
        <source>Caseworkers on the server</source>
        <translation>مسؤولو الحالات على الخادم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="284"/>
        <source>Sync progress</source>
        <translation>تقدُّم المزامنة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="287"/>
        <source>Sync &amp;now</source>
        <translation>المزامنة الآن (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="298"/>
        <source>&amp;Cancel sync</source>
        <translation>إلغاء المزامنة (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="345"/>
        <source>Signed in to %1 as %2.</source>
        <translation>تم تسجيل الدخول إلى ⁦%1⁩ باسم ⁨%2⁩.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="350"/>
        <source>Not signed in to a server.</source>
        <translation>لم يتم تسجيل الدخول إلى أي خادم.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="354"/>
        <source>Changes waiting to be sent: %1</source>
        <translation>تغييرات بانتظار الإرسال: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="355"/>
        <source>Last sync: %1</source>
        <translation>آخر مزامنة: ⁦%1⁩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="357"/>
        <source>never</source>
        <translation>أبدًا</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="369"/>
        <source>Refused records (%1)</source>
        <translation>السجلات المرفوضة (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="372"/>
        <source>Conflicts (%1)</source>
        <translation>التعارضات (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="377"/>
        <source>Waiting for a decision (%1)</source>
        <translation>بانتظار قرار (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="414"/>
        <source>a supervisor (%1)</source>
        <translation>مشرف (⁨%1⁩)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="414"/>
        <source>a supervisor</source>
        <translation>مشرف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="417"/>
        <source>you, in the Conflicts tab</source>
        <translation>أنت، في تبويب التعارضات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="442"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>الشهادات (*.pem *.crt *.cer);;جميع الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="477"/>
        <source>Signing in to %1…</source>
        <translation>جارٍ تسجيل الدخول إلى %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="495"/>
        <source>Sign-in cancelled; nothing was kept.</source>
        <translation>أُلغي تسجيل الدخول؛ لم يُحفظ شيء.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="506"/>
        <source>Unencrypted connection</source>
        <translation>اتصال غير مشفَّر</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="516"/>
        <source>Not signed in: the server did not answer.</source>
        <translation>لم يتم تسجيل الدخول: لم يستجب الخادم.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="519"/>
        <source>The server did not answer the sign-in (waited %1 s). Check the server address and the network connection, then sign in again.</source>
        <translation>لم يستجب الخادم لتسجيل الدخول (انتظار %1 ث). تحقق من عنوان الخادم واتصال الشبكة، ثم سجّل الدخول مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="602"/>
        <source>Records differ from the server</source>
        <translation>السجلات تختلف عن سجلات الخادم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="604"/>
        <source>After this sync the records here do not match the server&apos;s. Run a full resync now? Changes not yet sent are kept.</source>
        <translation>بعد هذه المزامنة لا تطابق السجلات هنا سجلات الخادم. هل تريد تشغيل إعادة مزامنة كاملة الآن؟ تُحفظ التغييرات التي لم تُرسل بعد.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="615"/>
        <source>Sync cancelled; nothing was lost.</source>
        <translation>أُلغيت المزامنة؛ ولم يضع شيء.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="628"/>
        <source>Edit value</source>
        <translation>تعديل القيمة</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../desktop/ui/sync_status.py" line="28"/>
        <source>more than %1</source>
        <translation>أكثر من %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_status.py" line="37"/>
        <source>More than %1 changes waiting to sync</source>
        <translation>أكثر من %1 تغيير بانتظار المزامنة</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/sync_status.py" line="40"/>
        <source>%Ln change(s) waiting to sync</source>
        <translation>
            <numerusform>%Ln تغيير بانتظار المزامنة</numerusform>
            <numerusform>%Ln تغيير بانتظار المزامنة</numerusform>
            <numerusform>%Ln تغييران بانتظار المزامنة</numerusform>
            <numerusform>%Ln تغييرات بانتظار المزامنة</numerusform>
            <numerusform>%Ln تغييرًا بانتظار المزامنة</numerusform>
            <numerusform>%Ln تغيير بانتظار المزامنة</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_status.py" line="46"/>
        <source>Sync: not set up</source>
        <translation>المزامنة: غير مُعدَّة</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/sync_status.py" line="49"/>
        <source>%Ln conflict(s)</source>
        <translation>
            <numerusform>%Ln تعارض</numerusform>
            <numerusform>%Ln تعارض</numerusform>
            <numerusform>%Ln تعارضان</numerusform>
            <numerusform>%Ln تعارضات</numerusform>
            <numerusform>%Ln تعارضًا</numerusform>
            <numerusform>%Ln تعارض</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/sync_status.py" line="51"/>
        <source>%Ln refused</source>
        <translation>
            <numerusform>المرفوضة: %Ln</numerusform>
            <numerusform>المرفوضة: %Ln</numerusform>
            <numerusform>المرفوضة: %Ln</numerusform>
            <numerusform>المرفوضة: %Ln</numerusform>
            <numerusform>المرفوضة: %Ln</numerusform>
            <numerusform>المرفوضة: %Ln</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_status.py" line="53"/>
        <source>sign in needed</source>
        <translation>يلزم تسجيل الدخول</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_status.py" line="56"/>
        <source>last sync %1</source>
        <translation>آخر مزامنة ⁦%1⁩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_status.py" line="56"/>
        <source>never synced</source>
        <translation>لم تجرِ أي مزامنة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_status.py" line="58"/>
        <source>Sync: </source>
        <translation>المزامنة: </translation>
    </message>
</context>
<context>
    <name>TaskCloseDialog</name>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="47"/>
        <source>Mark task done</source>
        <translation>تعليم المهمة كمنجزة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="47"/>
        <source>Dismiss task</source>
        <translation>استبعاد المهمة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="51"/>
        <source>What was done:</source>
        <translation>ما الذي أُنجز:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="51"/>
        <source>Why it is not to be done:</source>
        <translation>لماذا لن تُنجز:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="60"/>
        <source>%1 · %2, due %3</source>
        <translation>⁦%1⁩ · ⁨%2⁩، مستحقة في ⁦%3⁩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="70"/>
        <source>Mark done</source>
        <translation>تعليم كمنجزة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="70"/>
        <source>Dismiss</source>
        <translation>استبعاد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="84"/>
        <source>Write a few words first.</source>
        <translation>اكتب بضع كلمات أولًا.</translation>
    </message>
</context>
<context>
    <name>TasksPanel</name>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="112"/>
        <source>My tasks</source>
        <translation>مهامي</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="113"/>
        <source>Office tasks</source>
        <translation>مهام المكتب</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="114"/>
        <source>&amp;My tasks</source>
        <translation>مهامي (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="115"/>
        <source>&amp;Office</source>
        <translation>المكتب (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="117"/>
        <source>Mark &amp;done…</source>
        <translation>تعليم كمنجزة… (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="120"/>
        <source>D&amp;ismiss…</source>
        <translation>استبعاد… (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="123"/>
        <source>O&amp;pen record</source>
        <translation>فتح السجل (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="148"/>
        <source>Due</source>
        <translation>تاريخ الاستحقاق</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="148"/>
        <source>Task</source>
        <translation>المهمة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="148"/>
        <source>Beneficiary</source>
        <translation>المستفيد</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/tasks_panel.py" line="193"/>
        <source>%n of your tasks overdue</source>
        <translation>
            <numerusform>لديك %n مهمة متأخرة</numerusform>
            <numerusform>لديك %n مهمة متأخرة</numerusform>
            <numerusform>لديك %n مهمتان متأخرتان</numerusform>
            <numerusform>لديك %n مهام متأخرة</numerusform>
            <numerusform>لديك %n مهمة متأخرة</numerusform>
            <numerusform>لديك %n مهمة متأخرة</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="195"/>
        <source>None of your tasks is overdue.</source>
        <translation>لا توجد لديك أي مهمة متأخرة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="200"/>
        <source>Session&apos;s follow-up</source>
        <translation>متابعة الجلسة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="202"/>
        <source>%1 (%2)</source>
        <translation>⁨%1⁩ (⁦%2⁩)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="221"/>
        <source>Overdue (%1)</source>
        <translation>متأخرة (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="222"/>
        <source>Today (%1)</source>
        <translation>اليوم (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="223"/>
        <source>This week (%1)</source>
        <translation>هذا الأسبوع (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="240"/>
        <source>%1: %2 overdue, %3 today, %4 later this week</source>
        <translation>⁨%1⁩: متأخرة %2، اليوم %3، لاحقًا هذا الأسبوع %4</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="310"/>
        <source>Task marked done.</source>
        <translation>عُلِّمت المهمة كمنجزة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="315"/>
        <source>Task dismissed.</source>
        <translation>استُبعدت المهمة.</translation>
    </message>
</context>
<context>
    <name>TransferDecisionDialog</name>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="145"/>
        <source>Accept transfer</source>
        <translation>قبول النقل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="145"/>
        <source>Accept</source>
        <translation>قبول</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="146"/>
        <source>Decline transfer</source>
        <translation>رفض النقل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="146"/>
        <source>Decline</source>
        <translation>رفض</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="147"/>
        <source>Cancel transfer</source>
        <translation>إلغاء النقل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="152"/>
        <source>&amp;Why you decline (for %1):</source>
        <translation>سبب الرفض (لـ ⁨%1⁩) (&amp;W):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="154"/>
        <source>&amp;Note (optional):</source>
        <translation>ملاحظة (اختيارية) (&amp;N):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="159"/>
        <source>%1 · %2, from %3 to %4: %5</source>
        <translation>⁦%1⁩ · ⁨%2⁩، من ⁨%3⁩ إلى ⁨%4⁩: %5</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="172"/>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="185"/>
        <source>Say why first: the proposer reads it.</source>
        <translation>اذكر السبب أولًا: سيقرؤه صاحب الاقتراح.</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="76"/>
        <source>Transfer %1</source>
        <translation>نقل ملف ⁨%1⁩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="84"/>
        <source>Caseworker to transfer to</source>
        <translation>مسؤول الحالة الذي يُنقل إليه الملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="85"/>
        <source>&amp;To caseworker:</source>
        <translation>إلى مسؤول الحالة (&amp;T):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="87"/>
        <source>&amp;Note for them:</source>
        <translation>ملاحظة للمستلم (&amp;N):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="88"/>
        <source>Why the case is handed on, what is under way</source>
        <translation>لماذا يُسلَّم الملف، وما الذي يجري العمل عليه</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="91"/>
        <source>%1 · %2: the case moves once they accept it and both laptops sync.</source>
        <translation>⁦%1⁩ · ⁨%2⁩: ينتقل الملف بعد أن يقبله المستلم وتتم مزامنة الحاسوبين كليهما.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="100"/>
        <source>Propose transfer</source>
        <translation>اقتراح النقل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="119"/>
        <source>There is no other caseworker on this laptop to choose.</source>
        <translation>لا يوجد على هذا الحاسوب مسؤول حالة آخر لاختياره.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="122"/>
        <source>Write a few words for the receiver first.</source>
        <translation>اكتب بضع كلمات للمستلم أولًا.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="126"/>
        <source>Transfer proposed.</source>
        <translation>اقتُرح النقل.</translation>
    </message>
</context>
<context>
    <name>TransfersPanel</name>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="207"/>
        <source>Pending transfers</source>
        <translation>عمليات النقل المعلَّقة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="208"/>
        <source>Case</source>
        <translation>الملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="208"/>
        <source>From → to</source>
        <translation>من ← إلى</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="208"/>
        <source>Proposed</source>
        <translation>تاريخ الاقتراح</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="216"/>
        <source>&amp;Accept…</source>
        <translation>قبول… (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="218"/>
        <source>D&amp;ecline…</source>
        <translation>رفض… (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="220"/>
        <source>Ca&amp;ncel transfer…</source>
        <translation>إلغاء النقل… (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="222"/>
        <source>O&amp;pen record</source>
        <translation>فتح السجل (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="286"/>
        <source>To decide (%1)</source>
        <translation>بانتظار قرارك (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="287"/>
        <source>Waiting for the receiver (%1)</source>
        <translation>بانتظار المستلم (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="289"/>
        <source>Others in the office (%1)</source>
        <translation>عمليات أخرى في المكتب (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="306"/>
        <source>%1 (%2)</source>
        <translation>⁨%1⁩ (⁦%2⁩)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="309"/>
        <source>%1 → %2</source>
        <translation>⁨%1⁩ ← ⁨%2⁩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="327"/>
        <source>Transfers for you to decide: %1</source>
        <translation>عمليات نقل بانتظار قرارك: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="329"/>
        <source>No transfer waits for your decision.</source>
        <translation>لا توجد عملية نقل بانتظار قرارك.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="354"/>
        <source>%1 · %2
From %3 to %4, proposed %5:
%6</source>
        <translation>⁦%1⁩ · ⁨%2⁩
من ⁨%3⁩ إلى ⁨%4⁩، اقتُرح في ⁦%5⁩:
%6</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="391"/>
        <source>Transfer accepted.</source>
        <translation>قُبل النقل.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="392"/>
        <source>Transfer declined.</source>
        <translation>رُفض النقل.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="393"/>
        <source>Transfer cancelled.</source>
        <translation>أُلغي النقل.</translation>
    </message>
</context>
<context>
    <name>UserLinksPage</name>
    <message>
        <location filename="../../desktop/ui/user_links.py" line="39"/>
        <source>Records go to the server as their caseworker&apos;s. A caseworker who is not linked to a server account keeps their records on this laptop until linked.</source>
        <translation>تُرسل السجلات إلى الخادم باسم مسؤول الحالة الخاص بها. ومسؤول الحالة غير المرتبط بحساب على الخادم تبقى سجلاته على هذا الحاسوب إلى أن يُربط.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/user_links.py" line="47"/>
        <source>Local users and their server accounts</source>
        <translation>المستخدمون المحليون وحساباتهم على الخادم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/user_links.py" line="49"/>
        <source>Local user</source>
        <translation>المستخدم المحلي</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/user_links.py" line="49"/>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/user_links.py" line="49"/>
        <location filename="../../desktop/ui/user_links.py" line="62"/>
        <source>Server account</source>
        <translation>الحساب على الخادم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/user_links.py" line="59"/>
        <source>Find server &amp;accounts</source>
        <translation>البحث عن حسابات الخادم (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/user_links.py" line="64"/>
        <source>&amp;Link to this account</source>
        <translation>الربط بهذا الحساب (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/user_links.py" line="77"/>
        <source>not linked: records wait here</source>
        <translation>غير مرتبط: تنتظر السجلات هنا</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="156"/>
        <source>Users</source>
        <translation>المستخدمون</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="168"/>
        <source>Local users</source>
        <translation>المستخدمون المحليون</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="170"/>
        <source>Username</source>
        <translation>اسم المستخدم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="170"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="170"/>
        <location filename="../../desktop/ui/users_dialog.py" line="245"/>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="170"/>
        <source>Active</source>
        <translation>نشط</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="179"/>
        <source>&amp;Add user…</source>
        <translation>إضافة مستخدم… (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="180"/>
        <source>&amp;Deactivate</source>
        <translation>تعطيل (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="181"/>
        <source>&amp;Reset password…</source>
        <translation>إعادة تعيين كلمة المرور… (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="182"/>
        <source>Change &amp;role…</source>
        <translation>تغيير الدور… (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="193"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="213"/>
        <source>yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="213"/>
        <source>no</source>
        <translation>لا</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="239"/>
        <source>Add user</source>
        <translation>إضافة مستخدم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="241"/>
        <source>&amp;Username</source>
        <translation>اسم المستخدم (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="242"/>
        <source>&amp;Display name</source>
        <translation>الاسم المعروض (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="248"/>
        <source>R&amp;ole</source>
        <translation>الدور (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="265"/>
        <source>New password for %1</source>
        <translation>كلمة مرور جديدة لـ ⁨%1⁩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="281"/>
        <source>Reset password</source>
        <translation>إعادة تعيين كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="296"/>
        <source>Deactivate %1? They will no longer be able to log in. The database is re-encrypted under a new key, which can take a minute on a large caseload.</source>
        <translation>هل تريد تعطيل ⁨%1⁩؟ لن يتمكن من تسجيل الدخول بعد الآن. ستُعاد تعمية قاعدة البيانات بمفتاح جديد، وقد يستغرق ذلك دقيقة إذا كثرت الملفات.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="306"/>
        <source>The key slots of these users cannot be re-wrapped (old format or missing): they will need a password reset afterwards: %1</source>
        <translation>لا يمكن إعادة تغليف خانات مفاتيح هؤلاء المستخدمين (صيغة قديمة أو مفقودة): سيلزم إعادة تعيين كلمات مرورهم بعد ذلك: ⁨%1⁩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="309"/>
        <location filename="../../desktop/ui/users_dialog.py" line="313"/>
        <source>Deactivate user</source>
        <translation>تعطيل المستخدم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="336"/>
        <source>Preparing the new data key…</source>
        <translation>جارٍ تحضير مفتاح البيانات الجديد…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="337"/>
        <source>Re-encrypting the database under the new key…</source>
        <translation>جارٍ إعادة تعمية قاعدة البيانات بالمفتاح الجديد…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="338"/>
        <source>Checking the re-encrypted database…</source>
        <translation>جارٍ فحص قاعدة البيانات المُعاد تعميتها…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="339"/>
        <source>Re-wrapping the users&apos; key slots…</source>
        <translation>جارٍ إعادة تغليف خانات مفاتيح المستخدمين…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="350"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="396"/>
        <source>The data key was changed, but the key slots of these users could not be re-wrapped (old format or missing): they cannot log in until you reset their password: %1</source>
        <translation>تم تغيير مفتاح البيانات، لكن تعذّرت إعادة تغليف خانات مفاتيح هؤلاء المستخدمين (صيغة قديمة أو مفقودة): لن يتمكنوا من تسجيل الدخول حتى تعيد تعيين كلمات مرورهم: ⁨%1⁩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="401"/>
        <source>Password resets needed</source>
        <translation>يلزم إعادة تعيين كلمات مرور</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="325"/>
        <source>Change role</source>
        <translation>تغيير الدور</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="326"/>
        <source>Role of %1:</source>
        <translation>دور ⁨%1⁩:</translation>
    </message>
</context>
<context>
    <name>WindowBuilding</name>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="51"/>
        <source>&amp;New beneficiary</source>
        <translation>مستفيد جديد (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="57"/>
        <source>New &amp;session</source>
        <translation>جلسة جديدة (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="63"/>
        <source>&amp;Edit</source>
        <translation>تعديل (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="66"/>
        <source>&amp;Save</source>
        <translation>حفظ (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="69"/>
        <source>Edit session…</source>
        <translation>تعديل الجلسة…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="71"/>
        <source>Cancel session</source>
        <translation>إلغاء الجلسة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="72"/>
        <source>Delete session…</source>
        <translation>حذف الجلسة…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="74"/>
        <source>&amp;Close case</source>
        <translation>إغلاق الملف (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="76"/>
        <source>&amp;Reopen case</source>
        <translation>إعادة فتح الملف (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="78"/>
        <source>&amp;Print…</source>
        <translation>طباعة… (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="81"/>
        <source>Print the case summary or a referral letter, or save it as PDF</source>
        <translation>طباعة ملخص الملف أو رسالة إحالة، أو حفظه بصيغة PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="84"/>
        <source>Re&amp;assign…</source>
        <translation>إعادة الإسناد… (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="87"/>
        <source>&amp;Delete…</source>
        <translation>حذف… (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="90"/>
        <source>&amp;Find</source>
        <translation>بحث (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="96"/>
        <source>&amp;Refresh</source>
        <translation>تحديث (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="99"/>
        <source>&amp;Lock</source>
        <translation>قفل (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="101"/>
        <source>S&amp;witch user…</source>
        <translation>تبديل المستخدم… (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="102"/>
        <source>&amp;Users…</source>
        <translation>المستخدمون… (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="104"/>
        <source>&amp;Forms…</source>
        <translation>النماذج… (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="106"/>
        <source>The organisation&apos;s own fields in the forms</source>
        <translation>الحقول الخاصة بالمنظمة في النماذج</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="109"/>
        <source>Se&amp;ttings…</source>
        <translation>الإعدادات… (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="112"/>
        <source>&amp;Back up now</source>
        <translation>نسخ احتياطي الآن (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="114"/>
        <source>&amp;Restore backup…</source>
        <translation>استعادة نسخة احتياطية… (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="116"/>
        <source>E&amp;xport…</source>
        <translation>تصدير… (&amp;X)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="119"/>
        <source>The list as filtered, or every record, to CSV or Excel</source>
        <translation>تصدير القائمة بتصفيتها الحالية، أو كل السجلات، إلى CSV أو Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="122"/>
        <source>&amp;Import from a file…</source>
        <translation>الاستيراد من ملف… (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="124"/>
        <source>Beneficiaries or sessions from a CSV or XLSX file</source>
        <translation>استيراد مستفيدين أو جلسات من ملف CSV أو XLSX</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="127"/>
        <source>&amp;Quit</source>
        <translation>خروج (&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="129"/>
        <source>&amp;About Caseload</source>
        <translation>حول Caseload (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="131"/>
        <source>Chan&amp;ge my password…</source>
        <translation>تغيير كلمة المرور الخاصة بي… (&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="134"/>
        <source>User &amp;manual</source>
        <translation>دليل المستخدم (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="138"/>
        <source>&amp;Copy diagnostics</source>
        <translation>نسخ معلومات التشخيص (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="140"/>
        <source>S&amp;ync with server…</source>
        <translation>المزامنة مع الخادم… (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="147"/>
        <source>My &amp;tasks</source>
        <translation>مهامي (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="150"/>
        <source>Follow-ups overdue, due today and this week</source>
        <translation>المتابعات المتأخرة والمستحقة اليوم وخلال هذا الأسبوع</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="154"/>
        <source>New tas&amp;k…</source>
        <translation>مهمة جديدة… (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="157"/>
        <source>A task by hand for the beneficiary shown</source>
        <translation>مهمة تُضاف يدويًا للمستفيد المعروض</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="160"/>
        <source>Transfers</source>
        <translation>نقل الملفات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="163"/>
        <source>Cases proposed to you, and yours waiting for the receiver</source>
        <translation>الملفات المقترح نقلها إليك، وملفاتك التي تنتظر قبول المستلم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="166"/>
        <source>Transfer case…</source>
        <translation>نقل الملف…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="169"/>
        <source>Hand the case shown on to another caseworker</source>
        <translation>تسليم الملف المعروض إلى مسؤول حالة آخر</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="174"/>
        <source>Refer to another organisation…</source>
        <translation>إحالة إلى منظمة أخرى…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="176"/>
        <source>Send the shareable values, with the person&apos;s consent</source>
        <translation>إرسال القيم القابلة للمشاركة، بموافقة الشخص</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="179"/>
        <source>Refer…</source>
        <translation>إحالة…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="181"/>
        <source>Incoming referrals…</source>
        <translation>الإحالات الواردة…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="183"/>
        <source>Referrals other organisations sent to yours: accept or decline</source>
        <translation>الإحالات التي أرسلتها منظمات أخرى إلى منظمتك: قبولها أو رفضها</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="199"/>
        <source>&amp;Dashboard…</source>
        <translation>لوحة المعلومات… (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="201"/>
        <source>&amp;Audit log…</source>
        <translation>سجل التدقيق… (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="205"/>
        <source>&amp;File</source>
        <translation>ملف (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="215"/>
        <source>&amp;Records</source>
        <translation>السجلات (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="246"/>
        <source>Re&amp;ports</source>
        <translation>التقارير (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="250"/>
        <source>S&amp;ync</source>
        <translation>المزامنة (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="253"/>
        <source>&amp;Admin</source>
        <translation>الإدارة (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="257"/>
        <source>&amp;Help</source>
        <translation>مساعدة (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="263"/>
        <source>Main toolbar</source>
        <translation>شريط الأدوات الرئيسي</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="303"/>
        <source>Logged-in user</source>
        <translation>المستخدم الحالي</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="308"/>
        <source>Changes waiting to sync</source>
        <translation>تغييرات بانتظار المزامنة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="311"/>
        <source>Overdue tasks</source>
        <translation>المهام المتأخرة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="314"/>
        <source>Last backup</source>
        <translation>آخر نسخة احتياطية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="318"/>
        <source>Background task progress</source>
        <translation>تقدُّم المهمة في الخلفية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="322"/>
        <source>Sync state</source>
        <translation>حالة المزامنة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="326"/>
        <source>Sync progress</source>
        <translation>تقدم المزامنة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="332"/>
        <source>Sync activity</source>
        <translation>نشاط المزامنة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="335"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="336"/>
        <source>Cancel sync</source>
        <translation>إلغاء المزامنة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="337"/>
        <source>Stop the sync; nothing is lost</source>
        <translation>إيقاف المزامنة؛ لا يضيع شيء</translation>
    </message>
</context>
<context>
    <name>_PasswordFields</name>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="46"/>
        <source>&amp;Password</source>
        <translation>كلمة المرور (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="47"/>
        <source>&amp;Repeat password</source>
        <translation>تأكيد كلمة المرور (&amp;R)</translation>
    </message>
</context>
<context>
    <name>_UserFormDialog</name>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="123"/>
        <source>The two passwords differ.</source>
        <translation>كلمتا المرور غير متطابقتين.</translation>
    </message>
</context>
<context>
    <name>choice</name>
    <message>
        <location filename="../../desktop/domain/schema.py" line="604"/>
        <source>Goals met, needs addressed</source>
        <translation>تحققت الأهداف ولُبّيت الاحتياجات</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="605"/>
        <source>Referred to another service</source>
        <translation>أُحيل إلى خدمة أخرى</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="608"/>
        <source>Moved away</source>
        <translation>انتقل إلى مكان آخر</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="609"/>
        <source>No longer eligible</source>
        <translation>لم يعد مؤهلًا</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="610"/>
        <source>Declined further services</source>
        <translation>رفض مزيدًا من الخدمات</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="611"/>
        <source>Lost contact</source>
        <translation>انقطع التواصل</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="612"/>
        <source>Deceased</source>
        <translation>متوفى</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="613"/>
        <source>Other (say why in the note)</source>
        <translation>أخرى (اذكر السبب في الملاحظة)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="616"/>
        <source>Female</source>
        <translation>أنثى</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="617"/>
        <source>Male</source>
        <translation>ذكر</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="618"/>
        <source>Other</source>
        <translation>آخر</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="619"/>
        <source>Prefers not to say</source>
        <translation>يفضِّل عدم الإفصاح</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="622"/>
        <source>Active</source>
        <translation>نشط</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="623"/>
        <source>Closed</source>
        <translation>مغلق</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="626"/>
        <source>Home visit</source>
        <translation>زيارة منزلية</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="627"/>
        <source>Office</source>
        <translation>في المكتب</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="628"/>
        <source>Phone</source>
        <translation>عبر الهاتف</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="629"/>
        <source>Video</source>
        <translation>مكالمة فيديو</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="630"/>
        <source>Group</source>
        <translation>جماعية</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="633"/>
        <source>Open</source>
        <translation>مفتوحة</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="635"/>
        <source>Dismissed</source>
        <translation>مستبعَدة</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="638"/>
        <source>Waiting for an answer</source>
        <translation>بانتظار الرد</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="641"/>
        <source>Withdrawn</source>
        <translation>مسحوب</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="644"/>
        <source>Session&apos;s follow-up</source>
        <translation>متابعة الجلسة</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="645"/>
        <source>Created by hand</source>
        <translation>أُنشئت يدويًا</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="648"/>
        <source>Parent</source>
        <translation>أحد الوالدين</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="649"/>
        <source>Child</source>
        <translation>ابن أو ابنة</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="650"/>
        <source>Sibling</source>
        <translation>أخ أو أخت</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="651"/>
        <source>Spouse</source>
        <translation>زوج أو زوجة</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="652"/>
        <source>Guardian</source>
        <translation>وصي</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="653"/>
        <source>Other relative</source>
        <translation>قريب آخر</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="656"/>
        <source>Planned</source>
        <translation>مخطَّط لها</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="634"/>
        <location filename="../../desktop/domain/schema.py" line="657"/>
        <source>Done</source>
        <translation>منجزة</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="598"/>
        <source>Pending</source>
        <translation>معلَّق</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="599"/>
        <location filename="../../desktop/domain/schema.py" line="639"/>
        <source>Accepted</source>
        <translation>مقبول</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="600"/>
        <location filename="../../desktop/domain/schema.py" line="640"/>
        <source>Declined</source>
        <translation>مرفوض</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="601"/>
        <location filename="../../desktop/domain/schema.py" line="658"/>
        <source>Cancelled</source>
        <translation>ملغاة</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="659"/>
        <source>No-show</source>
        <translation>لم يحضر</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../desktop/ui/errors.py" line="110"/>
        <source>Caseload</source>
        <translation>Caseload</translation>
    </message>
</context>
<context>
    <name>field</name>
    <message>
        <location filename="../../desktop/domain/schema.py" line="119"/>
        <location filename="../../desktop/domain/schema.py" line="554"/>
        <source>Case no.</source>
        <translation>رقم الملف</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="127"/>
        <source>First name</source>
        <translation>الاسم الأول</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="138"/>
        <source>Last name</source>
        <translation>اسم العائلة</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="149"/>
        <source>Date of birth</source>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="156"/>
        <source>Gender</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="163"/>
        <source>ID number</source>
        <translation>رقم الهوية</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="168"/>
        <source>ID card or passport no.</source>
        <translation>بطاقة الهوية أو رقم جواز السفر</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="173"/>
        <source>Phone</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="183"/>
        <source>Email</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="192"/>
        <source>Address</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="200"/>
        <source>Preferred language</source>
        <translation>اللغة المفضلة</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="205"/>
        <source>e.g. ar, fr, Swahili</source>
        <translation>مثلًا ar أو fr أو السواحلية</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="210"/>
        <location filename="../../desktop/domain/schema.py" line="330"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="225"/>
        <source>Closure reason</source>
        <translation>سبب الإغلاق</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="233"/>
        <source>Closure note</source>
        <translation>ملاحظة الإغلاق</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="242"/>
        <location filename="../../desktop/domain/schema.py" line="487"/>
        <source>Consent</source>
        <translation>الموافقة</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="250"/>
        <source>Consent date</source>
        <translation>تاريخ الموافقة</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="258"/>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="267"/>
        <location filename="../../desktop/domain/schema.py" line="297"/>
        <location filename="../../desktop/domain/schema.py" line="369"/>
        <location filename="../../desktop/domain/schema.py" line="467"/>
        <location filename="../../desktop/domain/schema.py" line="541"/>
        <source>Caseworker</source>
        <translation>مسؤول الحالة</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="275"/>
        <source>Merged into</source>
        <translation>مدموج في</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="286"/>
        <source>Beneficiary</source>
        <translation>مستفيد</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="301"/>
        <source>Start</source>
        <translation>البداية</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="305"/>
        <source>Duration</source>
        <translation>المدة</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="310"/>
        <source>min</source>
        <translation>دقيقة</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="315"/>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="323"/>
        <source>Location</source>
        <translation>المكان</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="338"/>
        <source>Summary</source>
        <translation>الملخص</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="346"/>
        <source>Outcome</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="354"/>
        <source>Follow-up date</source>
        <translation>تاريخ المتابعة</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="372"/>
        <source>Due</source>
        <translation>تاريخ الاستحقاق</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="376"/>
        <source>Task</source>
        <translation>المهمة</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="379"/>
        <source>e.g. Call about the housing application</source>
        <translation>مثلًا: الاتصال بشأن طلب السكن</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="384"/>
        <source>Origin</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="393"/>
        <source>Session</source>
        <translation>الجلسة</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="400"/>
        <location filename="../../desktop/domain/schema.py" line="505"/>
        <location filename="../../desktop/domain/schema.py" line="577"/>
        <source>State</source>
        <translation>الوضع</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="409"/>
        <source>Done note</source>
        <translation>ملاحظة الإنجاز</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="417"/>
        <source>Dismissal reason</source>
        <translation>سبب الاستبعاد</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="434"/>
        <source>Household</source>
        <translation>الأسرة</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="442"/>
        <source>Relationship</source>
        <translation>صلة القرابة</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="450"/>
        <source>Head of household</source>
        <translation>ربّ الأسرة</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="473"/>
        <source>To organisation</source>
        <translation>إلى المنظمة</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="480"/>
        <source>Referral note</source>
        <translation>ملاحظة الإحالة</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="493"/>
        <source>Consent recorded</source>
        <translation>تاريخ تسجيل الموافقة</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="499"/>
        <source>Consent recorded by</source>
        <translation>سجَّل الموافقة</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="514"/>
        <source>Receiver&apos;s note</source>
        <translation>ملاحظة الجهة المستقبِلة</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="522"/>
        <source>Decided</source>
        <translation>تاريخ القرار</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="547"/>
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="561"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="569"/>
        <source>Note</source>
        <translation>الملاحظة</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="586"/>
        <source>Decision note</source>
        <translation>ملاحظة القرار</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/tabular.py" line="40"/>
        <source>Record ID</source>
        <translation>معرِّف السجل</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <location filename="../../desktop/services/reports.py" line="396"/>
        <source>Month</source>
        <translation>الشهر</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="398"/>
        <source>Caseworker</source>
        <translation>مسؤول الحالة</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="400"/>
        <source>registration date</source>
        <translation>تاريخ التسجيل</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="401"/>
        <source>session start</source>
        <translation>بداية الجلسة</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="411"/>
        <source>Active and closed cases</source>
        <translation>الملفات النشطة والمغلقة</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="414"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="415"/>
        <source>Cases</source>
        <translation>الملفات</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="423"/>
        <source>New registrations per month</source>
        <translation>التسجيلات الجديدة في كل شهر</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="425"/>
        <source>Registrations</source>
        <translation>التسجيلات</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="431"/>
        <source>Sessions per month by kind</source>
        <translation>الجلسات في كل شهر حسب النوع</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="435"/>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="436"/>
        <location filename="../../desktop/services/reports.py" line="446"/>
        <location filename="../../desktop/services/reports.py" line="543"/>
        <source>Sessions</source>
        <translation>الجلسات</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="444"/>
        <source>Sessions per caseworker</source>
        <translation>الجلسات لكل مسؤول حالة</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="452"/>
        <source>Overdue tasks per caseworker</source>
        <translation>المهام المتأخرة لكل مسؤول حالة</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="454"/>
        <source>Overdue tasks</source>
        <translation>المهام المتأخرة</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="456"/>
        <source>due date (before today)</source>
        <translation>تاريخ الاستحقاق (قبل اليوم)</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="461"/>
        <source>Beneficiaries by %1</source>
        <translation>المستفيدون حسب %1</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="462"/>
        <source>Sessions by %1</source>
        <translation>الجلسات حسب %1</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="542"/>
        <source>Beneficiaries</source>
        <translation>المستفيدون</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="613"/>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="613"/>
        <source>No</source>
        <translation>لا</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <location filename="../../desktop/ui/messages.py" line="22"/>
        <source>{label} is required.</source>
        <translation>{label}: هذا الحقل مطلوب.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="23"/>
        <source>{label} must be text.</source>
        <translation>{label}: يجب أن يكون نصًّا.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="24"/>
        <source>{label} contains a control character that cannot be stored.</source>
        <translation>{label}: يحتوي على محرف تحكُّم لا يمكن حفظه.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="27"/>
        <source>{label} must be at most {max} characters (it has {length}).</source>
        <translation>{label}: {max} حرفًا على الأكثر (فيه {length}).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="30"/>
        <source>{label} must be one of: {choices}.</source>
        <translation>{label}: يجب أن تكون القيمة إحدى: ⁦{choices}⁩.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="31"/>
        <source>{label} is not a valid date (use YYYY-MM-DD).</source>
        <translation>{label}: تاريخ غير صالح (استخدم الصيغة YYYY-MM-DD).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="32"/>
        <source>{label} is not a valid date and time.</source>
        <translation>{label}: تاريخ ووقت غير صالحين.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="33"/>
        <source>{label} must be yes or no.</source>
        <translation>{label}: يجب أن تكون القيمة نعم أو لا.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="34"/>
        <source>{label} must be a whole number.</source>
        <translation>{label}: يجب أن يكون عددًا صحيحًا.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="35"/>
        <source>{label} must be between {low} and {high}.</source>
        <translation>{label}: يجب أن يكون بين {low} و{high}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="36"/>
        <source>{field} is not a field that can be changed here.</source>
        <translation>⁦{field}⁩ ليس حقلًا يمكن تغييره هنا.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="39"/>
        <source>{label} cannot be in the future.</source>
        <translation>{label}: لا يمكن أن يكون في المستقبل.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="40"/>
        <source>{label} is not plausible (more than {years} years ago).</source>
        <translation>{label}: غير معقول (قبل أكثر من {years} سنة).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="43"/>
        <source>{label} must be {min} to {max} digits, optionally with +, spaces, dashes or brackets.</source>
        <translation>{label}: يجب أن يتكون من {min} إلى {max} رقمًا، مع إمكانية استخدام + والمسافات والشرطات والأقواس.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="47"/>
        <source>{label} is not a valid address (name@example.org).</source>
        <translation>{label}: عنوان غير صالح (⁦name@example.org⁩).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="50"/>
        <source>{label} must be a language name or code (e.g. ar, fr-CA).</source>
        <translation>{label}: يجب أن يكون اسم لغة أو رمزها (مثلًا ⁦ar, fr-CA⁩).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="53"/>
        <source>{label} is set but consent is not given.</source>
        <translation>{label}: محدَّد مع أن الموافقة لم تُعطَ.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="56"/>
        <source>{label} is required to close a case.</source>
        <translation>{label}: مطلوب لإغلاق الملف.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="59"/>
        <source>{label} is required when the reason is Other.</source>
        <translation>{label}: مطلوب عندما يكون السبب «أخرى».</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="62"/>
        <source>{label} is not a plausible date ({first_year} to {years} years ahead).</source>
        <translation>{label}: تاريخ غير معقول (من {first_year} حتى {years} سنوات قادمة).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="65"/>
        <source>A session that has not started yet cannot be done or a no-show.</source>
        <translation>لا يمكن أن تكون جلسة لم تبدأ بعد منجزةً أو مسجَّلًا فيها عدم حضور.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="68"/>
        <source>{label} cannot be before the session.</source>
        <translation>{label}: لا يمكن أن يسبق الجلسة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="71"/>
        <source>{label} may use letters, digits and . _ - @ ({min} to {max} characters).</source>
        <translation>{label}: يُسمح بالحروف والأرقام و⁦. _ - @⁩ (من {min} إلى {max} حرفًا).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="74"/>
        <source>The username {username} is already taken.</source>
        <translation>اسم المستخدم ⁦{username}⁩ مستخدَم من قبل.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="75"/>
        <source>{label} must be at least {min} characters.</source>
        <translation>{label}: {min} أحرف على الأقل.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="78"/>
        <source>{label} must be at most {max} characters.</source>
        <translation>{label}: {max} حرفًا على الأكثر.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="81"/>
        <source>{label} contains a character that cannot be used.</source>
        <translation>{label}: يحتوي على محرف غير مسموح به.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="84"/>
        <source>This password is too common; choose another.</source>
        <translation>كلمة المرور هذه شائعة جدًّا؛ اختر غيرها.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="87"/>
        <source>{label} must not be the username.</source>
        <translation>{label}: يجب ألا تكون مطابقة لاسم المستخدم.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="88"/>
        <source>Current password is wrong.</source>
        <translation>كلمة المرور الحالية غير صحيحة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="89"/>
        <source>{label} is not an active user.</source>
        <translation>{label}: ليس مستخدمًا نشطًا.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="91"/>
        <source>{label} must be a number.</source>
        <translation>{label}: يجب أن يكون رقمًا.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="92"/>
        <source>{label} must be at least {min}.</source>
        <translation>{label}: يجب أن يكون ⁦{min}⁩ على الأقل.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="93"/>
        <source>{label} must be at most {max}.</source>
        <translation>{label}: يجب أن يكون ⁦{max}⁩ على الأكثر.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="94"/>
        <source>{label} is not in the expected format.</source>
        <translation>{label}: ليس بالصيغة المتوقَّعة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="95"/>
        <source>{label} lists the same choice twice.</source>
        <translation>{label}: يتكرر فيه الخيار نفسه مرتين.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="96"/>
        <source>{label} is retired: its value can no longer be changed.</source>
        <translation>{label}: أُوقف استخدام هذا الحقل، فلم يعد ممكنًا تغيير قيمته.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="99"/>
        <source>{label} must map field keys to values.</source>
        <translation>{label}: يجب أن يربط مفاتيح الحقول بقيمها.</translation>
    </message>
</context>
</TS>
