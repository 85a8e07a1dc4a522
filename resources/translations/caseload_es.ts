<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AddMemberDialog</name>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="296"/>
        <source>Add to the household of %1</source>
        <translation>Añadir al hogar de %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="301"/>
        <source>Name or case number</source>
        <translation>Nombre o n.º de expediente</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="305"/>
        <source>Beneficiaries found</source>
        <translation>Beneficiarios encontrados</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="311"/>
        <source>&amp;Find:</source>
        <translation>&amp;Buscar:</translation>
    </message>
</context>
<context>
    <name>AuditLogWindow</name>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="118"/>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="127"/>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="128"/>
        <source>Anyone</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="133"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="134"/>
        <source>Any action</source>
        <translation>Cualquier acción</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="139"/>
        <source>Case number</source>
        <translation>N.º de expediente</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="140"/>
        <source>Case no.</source>
        <translation>N.º de expediente</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="144"/>
        <location filename="../../desktop/ui/audit_log.py" line="197"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="147"/>
        <location filename="../../desktop/ui/audit_log.py" line="197"/>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="148"/>
        <source>&amp;Show</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="152"/>
        <source>&amp;Export CSV…</source>
        <translation>E&amp;xportar CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="160"/>
        <source>&amp;User</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="161"/>
        <source>&amp;Action</source>
        <translation>&amp;Acción</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="162"/>
        <source>&amp;Record</source>
        <translation>&amp;Expediente</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="163"/>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="164"/>
        <source>&amp;To</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="173"/>
        <source>Audit events</source>
        <translation>Eventos de auditoría</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="200"/>
        <source>%1: not a date.</source>
        <translation>%1: no es una fecha.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="205"/>
        <source>The date range starts after it ends.</source>
        <translation>El intervalo de fechas empieza después de terminar.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="226"/>
        <source>Reading the log…</source>
        <translation>Leyendo el registro…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="246"/>
        <source>No event matches these filters.</source>
        <translation>Ningún evento coincide con estos filtros.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="248"/>
        <source>Events: %1</source>
        <translation>Eventos: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="251"/>
        <source>The newest %1 events; scroll for older ones.</source>
        <translation>Los %1 eventos más recientes; desplácese para ver los anteriores.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="263"/>
        <source>Export the audit log</source>
        <translation>Exportar el registro de auditoría</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="266"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="266"/>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="298"/>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="303"/>
        <source>Exporting… %1 events</source>
        <translation>Exportando… %1 eventos</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="315"/>
        <source>Events saved to %1: %2</source>
        <translation>Eventos guardados en %1: %2</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="36"/>
        <source>When</source>
        <translation>Fecha y hora</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="37"/>
        <source>Who</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="38"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="39"/>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="40"/>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="44"/>
        <source>Created</source>
        <translation>Creación</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="45"/>
        <source>Changed</source>
        <translation>Modificación</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="46"/>
        <source>Case closed</source>
        <translation>Expediente cerrado</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="47"/>
        <source>Case reopened</source>
        <translation>Expediente reabierto</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="48"/>
        <source>Reassigned</source>
        <translation>Reasignación</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="49"/>
        <source>Deleted</source>
        <translation>Eliminación</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="50"/>
        <source>Imported</source>
        <translation>Importación</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="51"/>
        <source>Received from the server</source>
        <translation>Recibido del servidor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="52"/>
        <source>Changed on the server</source>
        <translation>Modificado en el servidor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="53"/>
        <source>Sync conflict resolved</source>
        <translation>Conflicto de sincronización resuelto</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="54"/>
        <source>Deleted on the server</source>
        <translation>Eliminado en el servidor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="55"/>
        <source>Left this laptop&apos;s caseload</source>
        <translation>Salió de los expedientes de este equipo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="56"/>
        <source>Report run or exported</source>
        <translation>Informe generado o exportado</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="57"/>
        <source>Exported</source>
        <translation>Exportación</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="60"/>
        <source>Beneficiary</source>
        <translation>Beneficiario</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="61"/>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="62"/>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="63"/>
        <source>Household member</source>
        <translation>Miembro del hogar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="64"/>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="65"/>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
</context>
<context>
    <name>BackgroundSync</name>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="115"/>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="135"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="141"/>
        <source>Sending %1 of %2</source>
        <translation>Enviando %1 de %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="141"/>
        <source>Receiving %1 of %2</source>
        <translation>Recibiendo %1 de %2</translation>
    </message>
</context>
<context>
    <name>BeneficiaryDetail</name>
    <message>
        <location filename="../../desktop/ui/detail.py" line="81"/>
        <source>Beneficiary detail</source>
        <translation>Ficha del beneficiario</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="89"/>
        <source>Select a beneficiary in the list, or press Ctrl+N to register one.</source>
        <translation>Seleccione un beneficiario en la lista o pulse Ctrl+N para registrar uno nuevo.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="163"/>
        <location filename="../../desktop/ui/printing.py" line="164"/>
        <source>Next follow-up</source>
        <translation>Próximo seguimiento</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="164"/>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="215"/>
        <source>Sessions timeline</source>
        <translation>Cronología de sesiones</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="227"/>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="231"/>
        <source>Case timeline</source>
        <translation>Cronología del expediente</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="239"/>
        <source>Timeline</source>
        <translation>Cronología</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="242"/>
        <location filename="../../desktop/ui/detail.py" line="243"/>
        <source>Follow-ups</source>
        <translation>Seguimientos</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="245"/>
        <location filename="../../desktop/ui/detail.py" line="489"/>
        <source>Household</source>
        <translation>Hogar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="249"/>
        <location filename="../../desktop/ui/detail.py" line="250"/>
        <source>Referrals</source>
        <translation>Derivaciones</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="254"/>
        <location filename="../../desktop/ui/detail.py" line="262"/>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="280"/>
        <source>synced</source>
        <translation>sincronizado</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="281"/>
        <source>waiting to sync</source>
        <translation>pendiente de sincronizar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="282"/>
        <source>uploading</source>
        <translation>enviando</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="283"/>
        <source>sync error</source>
        <translation>error de sincronización</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="284"/>
        <source>conflict: a supervisor must resolve it</source>
        <translation>conflicto: debe resolverlo un supervisor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="397"/>
        <source>done</source>
        <translation>realizada</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="399"/>
        <source>dismissed</source>
        <translation>descartada</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="411"/>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="412"/>
        <source>Session&apos;s follow-up</source>
        <translation>Seguimiento de la sesión</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="470"/>
        <source>Incomplete: the form now also asks for %1</source>
        <translation>Incompleto: ahora el formulario también pide: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/detail.py" line="489"/>
        <location filename="../../desktop/ui/printing.py" line="232"/>
        <source>Household (%n)</source>
        <translation>
            <numerusform>Hogar (%n)</numerusform>
            <numerusform>Hogar (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/detail.py" line="494"/>
        <source>Referrals (%n)</source>
        <translation>
            <numerusform>Derivaciones (%n)</numerusform>
            <numerusform>Derivaciones (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="496"/>
        <source>Not referred to another organisation.</source>
        <translation>No se ha derivado a otra organización.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="536"/>
        <source>Transfer pending from %1 to %2 (since %3): %4</source>
        <translation>Transferencia pendiente de %1 a %2 (desde %3): %4</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="589"/>
        <source>given %s</source>
        <translation>dado el %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="588"/>
        <source>not given</source>
        <translation>no dado</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="460"/>
        <source>From the server, outside this laptop&apos;s rules (correct when you can): %1</source>
        <translation>Recibido del servidor, fuera de las reglas de este equipo (corríjalo cuando pueda): %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/detail.py" line="480"/>
        <location filename="../../desktop/ui/printing.py" line="200"/>
        <source>Sessions (%n)</source>
        <translation>
            <numerusform>Sesiones (%n)</numerusform>
            <numerusform>Sesiones (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="402"/>
        <source>overdue</source>
        <translation>vencido</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="403"/>
        <source>due today</source>
        <translation>para hoy</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="404"/>
        <source>upcoming</source>
        <translation>próximo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="407"/>
        <source>%1 (%2), asked for in the session of %3</source>
        <translation>%1 (%2), solicitado en la sesión del %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="483"/>
        <source>No follow-ups asked for.</source>
        <translation>No se ha solicitado ningún seguimiento.</translation>
    </message>
</context>
<context>
    <name>BeneficiaryForm</name>
    <message>
        <location filename="../../desktop/ui/forms.py" line="646"/>
        <source>New beneficiary</source>
        <translation>Nuevo beneficiario</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="648"/>
        <source>Edit beneficiary %s</source>
        <translation>Editar beneficiario %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="671"/>
        <source>The beneficiary consented to data processing</source>
        <translation>El beneficiario consintió el tratamiento de sus datos</translation>
    </message>
</context>
<context>
    <name>BeneficiaryTableModel</name>
    <message>
        <location filename="../../desktop/ui/models/beneficiary_table.py" line="79"/>
        <source>Next follow-up</source>
        <translation>Próximo seguimiento</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/beneficiary_table.py" line="80"/>
        <source>Updated</source>
        <translation>Actualizado</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/beneficiary_table.py" line="566"/>
        <source>Sync problem: %s</source>
        <translation>Problema de sincronización: %s</translation>
    </message>
</context>
<context>
    <name>BrandHeader</name>
    <message>
        <location filename="../../desktop/ui/login.py" line="54"/>
        <source>Caseload logo</source>
        <translation>Logotipo de Caseload</translation>
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
        <translation>Procesando</translation>
    </message>
</context>
<context>
    <name>CaseSessionForm</name>
    <message>
        <location filename="../../desktop/ui/session_form.py" line="35"/>
        <source>New session with %s</source>
        <translation>Nueva sesión con %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_form.py" line="37"/>
        <source>Edit session with %s</source>
        <translation>Editar la sesión con %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_form.py" line="71"/>
        <source>Choose the session&apos;s %1.</source>
        <translation>Elija el %1 de la sesión.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_form.py" line="72"/>
        <source>kind</source>
        <translation>tipo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_form.py" line="72"/>
        <source>status</source>
        <translation>estado</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_form.py" line="85"/>
        <source>No summary</source>
        <translation>Sin resumen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_form.py" line="86"/>
        <source>This session is marked done but has no summary. Save it anyway?</source>
        <translation>Esta sesión está marcada como realizada, pero no tiene resumen. ¿Guardarla de todos modos?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_form.py" line="87"/>
        <source>&amp;Save without summary</source>
        <translation>&amp;Guardar sin resumen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_form.py" line="88"/>
        <source>&amp;Write a summary</source>
        <translation>&amp;Escribir un resumen</translation>
    </message>
</context>
<context>
    <name>CaseSessionTableModel</name>
    <message>
        <location filename="../../desktop/ui/models/case_session_table.py" line="36"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/case_session_table.py" line="37"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/case_session_table.py" line="38"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/case_session_table.py" line="39"/>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/case_session_table.py" line="40"/>
        <source>Location</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/case_session_table.py" line="41"/>
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/case_session_table.py" line="42"/>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
</context>
<context>
    <name>CaseloadPanel</name>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="74"/>
        <source>Search name or case number (Ctrl+F)</source>
        <translation>Buscar por nombre o n.º de expediente (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="75"/>
        <source>Search beneficiaries</source>
        <translation>Buscar beneficiarios</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="82"/>
        <source>Status filter</source>
        <translation>Filtro por estado</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="83"/>
        <source>Active and closed</source>
        <translation>Activos y cerrados</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="84"/>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="85"/>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="89"/>
        <source>Caseworker filter</source>
        <translation>Filtro por gestor de casos</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="90"/>
        <location filename="../../desktop/ui/caseload.py" line="175"/>
        <source>All caseworkers</source>
        <translation>Todos los gestores de casos</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="94"/>
        <source>Follow-up filter</source>
        <translation>Filtro por seguimiento</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="95"/>
        <source>Any follow-up</source>
        <translation>Cualquier seguimiento</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="96"/>
        <source>Follow-up due today</source>
        <translation>Seguimiento para hoy</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="97"/>
        <source>Follow-up due in 7 days</source>
        <translation>Seguimiento en los próximos 7 días</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="111"/>
        <source>Number of beneficiaries shown</source>
        <translation>Número de beneficiarios mostrados</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="116"/>
        <source>Caseload</source>
        <translation>Caseload</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="198"/>
        <source>%1 filter</source>
        <translation>Filtro por %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="200"/>
        <source>%1: all</source>
        <translation>%1: todos</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="203"/>
        <source>%1: yes</source>
        <translation>%1: sí</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="204"/>
        <source>%1: no</source>
        <translation>%1: no</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="209"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="417"/>
        <source>more than %1 of %2</source>
        <translation>más de %1 de %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/caseload.py" line="422"/>
        <source>%Ln beneficiaries</source>
        <translation>
            <numerusform>%Ln beneficiario</numerusform>
            <numerusform>%Ln beneficiarios</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="425"/>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="33"/>
        <source>Change my password</source>
        <translation>Cambiar mi contraseña</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="40"/>
        <source>Your records stay as they are; only the password that opens them changes. Use at least 8 characters; a few unrelated words are easy to remember.</source>
        <translation>Sus registros quedan como están; solo cambia la contraseña que los abre. Use al menos 8 caracteres; unas pocas palabras sin relación entre sí son fáciles de recordar.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="51"/>
        <source>&amp;Current password</source>
        <translation>Contraseña &amp;actual</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="51"/>
        <source>Current password</source>
        <translation>Contraseña actual</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="52"/>
        <source>&amp;New password</source>
        <translation>&amp;Nueva contraseña</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="52"/>
        <source>New password</source>
        <translation>Nueva contraseña</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="53"/>
        <source>&amp;Repeat new password</source>
        <translation>&amp;Repetir la nueva contraseña</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="53"/>
        <source>Repeat new password</source>
        <translation>Repetir la nueva contraseña</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="70"/>
        <location filename="../../desktop/ui/password_dialog.py" line="114"/>
        <source>C&amp;hange password</source>
        <translation>Cam&amp;biar la contraseña</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="92"/>
        <source>Enter your current password.</source>
        <translation>Escriba su contraseña actual.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="95"/>
        <source>The two new passwords are not the same.</source>
        <translation>Las dos contraseñas nuevas no coinciden.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="98"/>
        <source>The new password is the same as the current one.</source>
        <translation>La nueva contraseña es igual a la actual.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="114"/>
        <source>Changing…</source>
        <translation>Cambiando…</translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <location filename="../../desktop/ui/close_dialog.py" line="33"/>
        <source>Close case</source>
        <translation>Cerrar el expediente</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/close_dialog.py" line="37"/>
        <source>Why is the case of %1 (%2) being closed? It can be reopened later.</source>
        <translation>¿Por qué se cierra el caso de %1 (%2)? Podrá reabrirse más adelante.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/close_dialog.py" line="47"/>
        <source>Closure reason</source>
        <translation>Motivo del cierre</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/close_dialog.py" line="48"/>
        <source>Choose a reason…</source>
        <translation>Elija un motivo…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/close_dialog.py" line="51"/>
        <source>&amp;Reason *</source>
        <translation>&amp;Motivo *</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/close_dialog.py" line="54"/>
        <source>Closure note</source>
        <translation>Nota de cierre</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/close_dialog.py" line="57"/>
        <source>&amp;Note</source>
        <translation>&amp;Nota</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/close_dialog.py" line="65"/>
        <source>&amp;Close case</source>
        <translation>&amp;Cerrar expediente</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../desktop/ui/errors.py" line="71"/>
        <source>Caseload: unexpected error</source>
        <translation>Caseload: error inesperado</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="77"/>
        <source>Something went wrong that Caseload did not expect. Your saved records are safe. The details below are also in the log file; please send them to your support contact.</source>
        <translation>Caseload ha encontrado un error inesperado. Sus registros guardados están a salvo. Los detalles de abajo también figuran en el archivo de registro; envíelos a su contacto de soporte.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="86"/>
        <source>Error report</source>
        <translation>Informe de error</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="90"/>
        <location filename="../../desktop/ui/errors.py" line="91"/>
        <source>Copy report</source>
        <translation>Copiar el informe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="99"/>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
</context>
<context>
    <name>CustomFields</name>
    <message>
        <location filename="../../desktop/ui/custom_fields.py" line="108"/>
        <source>Written with a newer form than this laptop has: kept as it is until a sync brings that form.</source>
        <translation>Escrito con una versión del formulario más reciente que la de este equipo: se conserva tal cual hasta que una sincronización traiga ese formulario.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/custom_fields.py" line="113"/>
        <source>The field has changed kind since this was written: kept as it was, not editable.</source>
        <translation>El tipo del campo ha cambiado desde que se escribió este valor: se conserva tal como estaba y no se puede editar.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/custom_fields.py" line="117"/>
        <source>This choice is no longer offered: kept as it was, not editable.</source>
        <translation>Esta opción ya no se ofrece: se conserva tal como estaba y no se puede editar.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/custom_fields.py" line="120"/>
        <source>This field is retired: its value is kept and cannot change.</source>
        <translation>Este campo está retirado: su valor se conserva y no se puede modificar.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/custom_fields.py" line="378"/>
        <source>(not recorded)</source>
        <translation>(no consta)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/custom_fields.py" line="382"/>
        <source>Choose…</source>
        <translation>Elija…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/custom_fields.py" line="393"/>
        <source>%1 to %2</source>
        <translation>de %1 a %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/custom_fields.py" line="399"/>
        <source>at least %1</source>
        <translation>como mínimo %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/custom_fields.py" line="403"/>
        <source>at most %1</source>
        <translation>como máximo %1</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="62"/>
        <source>Dashboard</source>
        <translation>Cuadro de mando</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="74"/>
        <location filename="../../desktop/ui/dashboard.py" line="183"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="78"/>
        <location filename="../../desktop/ui/dashboard.py" line="183"/>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="82"/>
        <source>Caseworker</source>
        <translation>Gestor de casos</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="83"/>
        <source>All caseworkers</source>
        <translation>Todos los gestores de casos</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="86"/>
        <source>&amp;Show</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="90"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="95"/>
        <source>Reports progress</source>
        <translation>Progreso de los informes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="104"/>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="105"/>
        <source>&amp;To</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="106"/>
        <source>Case&amp;worker</source>
        <translation>&amp;Gestor de casos</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="117"/>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="139"/>
        <source>Report table</source>
        <translation>Tabla del informe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="145"/>
        <source>&amp;Export CSV…</source>
        <translation>E&amp;xportar CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="187"/>
        <source>%1: not a date.</source>
        <translation>%1: no es una fecha.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="215"/>
        <source>Counting…</source>
        <translation>Contando…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="241"/>
        <source>Reports counted: %1</source>
        <translation>Informes contados: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="250"/>
        <source>Stopped; the counts shown are the earlier ones.</source>
        <translation>Detenido; los recuentos que se muestran son los anteriores.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="266"/>
        <source>The date range applies to the %1. Counted: %2</source>
        <translation>El intervalo de fechas se aplica a: %1. Total contado: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="272"/>
        <source>Nothing to count.</source>
        <translation>No hay nada que contar.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="285"/>
        <source>Export the report</source>
        <translation>Exportar el informe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="288"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="288"/>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="326"/>
        <source>Saved %1.</source>
        <translation>Guardado: %1.</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../desktop/ui/widgets.py" line="98"/>
        <source>e.g. %1</source>
        <translation>p. ej., %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets.py" line="100"/>
        <source>Type the date as %1 or 1990-12-31, or press Alt+Down to pick it.</source>
        <translation>Escriba la fecha como %1 o 1990-12-31, o pulse Alt+Abajo para elegirla.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets.py" line="109"/>
        <source>Pick a date</source>
        <translation>Elegir una fecha</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets.py" line="110"/>
        <source>Pick a date from a calendar (Alt+Down)</source>
        <translation>Elegir una fecha en un calendario (Alt+Abajo)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets.py" line="174"/>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
</context>
<context>
    <name>DuplicateScanWindow</name>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="41"/>
        <source>Possible duplicates</source>
        <translation>Posibles duplicados</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="50"/>
        <source>Records across the caseload that may be one person registered twice, most likely first. Merge a pair to keep one record with the sessions and tasks of both.</source>
        <translation>Fichas de todos los expedientes que pueden ser una misma persona registrada dos veces, de la más probable a la menos. Fusione una pareja para conservar una sola ficha con las sesiones y tareas de ambas.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="60"/>
        <source>Scan progress</source>
        <translation>Progreso de la búsqueda</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="67"/>
        <source>Possible duplicate pairs</source>
        <translation>Posibles parejas de duplicados</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="70"/>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="72"/>
        <source>Case number</source>
        <translation>N.º de expediente</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="71"/>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="73"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="74"/>
        <source>Born</source>
        <translation>Nacimiento</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="75"/>
        <source>Caseworkers</source>
        <translation>Gestores de casos</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="76"/>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="90"/>
        <source>&amp;Scan again</source>
        <translation>&amp;Buscar de nuevo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="92"/>
        <source>&amp;Merge…</source>
        <translation>&amp;Fusionar…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="94"/>
        <source>S&amp;top</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="96"/>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="128"/>
        <source>Scanning…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="142"/>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="160"/>
        <source>The scan was stopped.</source>
        <translation>Se ha detenido la búsqueda.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="164"/>
        <source>The scan failed.</source>
        <translation>La búsqueda ha fallado.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="187"/>
        <source>%1 possible pair(s).</source>
        <translation>Posibles parejas: %1.</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="55"/>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="83"/>
        <source>Possible duplicates</source>
        <translation>Posibles duplicados</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="64"/>
        <source>This person may already be registered. Open the existing record instead of registering them twice, or register them anyway if this is someone else.</source>
        <translation>Puede que esta persona ya esté registrada. Abra la ficha existente en lugar de registrarla dos veces, o regístrela de todos modos si se trata de otra persona.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="76"/>
        <source>Case number</source>
        <translation>N.º de expediente</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="77"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="78"/>
        <source>Born</source>
        <translation>Nacimiento</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="79"/>
        <source>Caseworker</source>
        <translation>Gestor de casos</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="80"/>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="103"/>
        <source>(another caseload)</source>
        <translation>(expediente de un colega)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="116"/>
        <source>Ask a supervisor: you may not open another caseload&apos;s records.</source>
        <translation>Consulte a un supervisor: no puede abrir los expedientes de otros gestores.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="123"/>
        <source>&amp;Open selected</source>
        <translation>&amp;Abrir la selección</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="125"/>
        <source>&amp;Register anyway</source>
        <translation>&amp;Registrar de todos modos</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="127"/>
        <source>Go &amp;back</source>
        <translation>&amp;Volver</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="132"/>
        <source>&amp;Merge the two selected…</source>
        <translation>&amp;Fusionar las dos seleccionadas…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="158"/>
        <source>same name</source>
        <translation>mismo nombre</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="159"/>
        <source>similar name</source>
        <translation>nombre parecido</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="160"/>
        <source>same date of birth</source>
        <translation>misma fecha de nacimiento</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="161"/>
        <source>same phone number</source>
        <translation>mismo número de teléfono</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="168"/>
        <source>same %1</source>
        <translation>%1 igual</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="71"/>
        <source>Export records</source>
        <translation>Exportar registros</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="82"/>
        <source>&lt;b&gt;This file will hold personal data&lt;/b&gt; about the people in your caseload: names, dates of birth, contact details and notes. Anyone who has the file can read them. Keep it only where it needs to be, delete it when you are done, and protect it with a password if it leaves this laptop.</source>
        <translation>&lt;b&gt;Este archivo contendrá datos personales&lt;/b&gt; de las personas de sus expedientes: nombres, fechas de nacimiento, datos de contacto y notas. Cualquiera que tenga el archivo puede leerlos. Guárdelo solo donde sea necesario, elimínelo cuando termine y protéjalo con una contraseña si sale de este equipo.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="96"/>
        <source>Personal data warning</source>
        <translation>Aviso sobre datos personales</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="106"/>
        <source>The &amp;whole office</source>
        <translation>Toda la &amp;oficina</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="108"/>
        <source>My &amp;whole caseload</source>
        <translation>Todos &amp;mis expedientes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="111"/>
        <source>The list as &amp;filtered now (records listed: %1)</source>
        <translation>La lista &amp;filtrada actual (registros en la lista: %1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="115"/>
        <source>The list as &amp;filtered now</source>
        <translation>La lista &amp;filtrada actual</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="125"/>
        <source>Records:</source>
        <translation>Registros:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="131"/>
        <source>&amp;Beneficiaries</source>
        <translation>&amp;Beneficiarios</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="132"/>
        <source>&amp;Sessions</source>
        <translation>&amp;Sesiones</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="133"/>
        <source>Tasks</source>
        <translation>Tareas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="141"/>
        <source>Not available yet: this version has no tasks.</source>
        <translation>Aún no disponible: esta versión no tiene tareas.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="147"/>
        <source>What:</source>
        <translation>Qué:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="153"/>
        <source>E&amp;xcel (XLSX)</source>
        <translation>E&amp;xcel (XLSX)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="155"/>
        <source>&amp;CSV</source>
        <translation>&amp;CSV</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="163"/>
        <source>Format:</source>
        <translation>Formato:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="168"/>
        <source>As &amp;labels, as the app shows them</source>
        <translation>Como e&amp;tiquetas, tal como las muestra la aplicación</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="171"/>
        <source>As stored &amp;values (for another program or a re-import)</source>
        <translation>Como &amp;valores guardados (para otro programa o para volver a importarlos)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="178"/>
        <source>Choices:</source>
        <translation>Opciones:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="181"/>
        <source>&amp;Protect the file with a password</source>
        <translation>&amp;Proteger el archivo con una contraseña</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="189"/>
        <source>File password</source>
        <translation>Contraseña del archivo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="191"/>
        <source>P&amp;assword:</source>
        <translation>Contr&amp;aseña:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="197"/>
        <source>Repeat the file password</source>
        <translation>Repetir la contraseña del archivo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="199"/>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Repetir la contraseña:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="204"/>
        <source>Excel and LibreOffice ask for the password when the file is opened. Give it to the recipient another way than the file (by phone, not in the same e-mail). CSV files cannot be protected.</source>
        <translation>Excel y LibreOffice piden la contraseña al abrir el archivo. Comuníquesela al destinatario por otra vía distinta del archivo (por teléfono, no en el mismo correo electrónico). Los archivos CSV no se pueden proteger.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="218"/>
        <source>File to write</source>
        <translation>Archivo que se va a escribir</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="221"/>
        <source>Br&amp;owse…</source>
        <translation>Exam&amp;inar…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="226"/>
        <source>F&amp;ile:</source>
        <translation>Arc&amp;hivo:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="233"/>
        <source>Export progress</source>
        <translation>Progreso de la exportación</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="246"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="332"/>
        <source>ZIP of CSV files (*.zip)</source>
        <translation>ZIP de archivos CSV (*.zip)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="334"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="336"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Libros de Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="338"/>
        <source>Export to</source>
        <translation>Exportar a</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="355"/>
        <source>What: choose beneficiaries, sessions or both.</source>
        <translation>Qué: elija beneficiarios, sesiones o ambos.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="363"/>
        <source>Password: enter the password the file will open with.</source>
        <translation>Contraseña: escriba la contraseña con la que se abrirá el archivo.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="367"/>
        <source>Password: use at least 8 characters.</source>
        <translation>Contraseña: use al menos 8 caracteres.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="371"/>
        <source>Repeat password: the two passwords are not the same.</source>
        <translation>Repetir la contraseña: las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="376"/>
        <source>File: choose where to write the export.</source>
        <translation>Archivo: elija dónde escribir la exportación.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="382"/>
        <source>File: the name must end in %1 for this format.</source>
        <translation>Archivo: para este formato, el nombre debe terminar en %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="389"/>
        <source>File: the folder %1 does not exist.</source>
        <translation>Archivo: la carpeta %1 no existe.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="393"/>
        <source>File: %1 is a folder.</source>
        <translation>Archivo: %1 es una carpeta.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="435"/>
        <source>Replace the file?</source>
        <translation>¿Desea reemplazar el archivo?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="436"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 ya existe. ¿Desea reemplazarlo?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="472"/>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="473"/>
        <source>&amp;Stop export</source>
        <translation>&amp;Detener la exportación</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="473"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="479"/>
        <source>Finishing the file…</source>
        <translation>Terminando el archivo…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="482"/>
        <source>Exported %1 of %2 rows…</source>
        <translation>Exportadas %1 de %2 filas…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="492"/>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="509"/>
        <source>The export was stopped; no file was written.</source>
        <translation>Se ha detenido la exportación; no se ha escrito ningún archivo.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="526"/>
        <source>Export written: %1 (rows: %2).</source>
        <translation>Exportación guardada: %1 (filas: %2).</translation>
    </message>
</context>
<context>
    <name>FieldValue</name>
    <message>
        <location filename="../../desktop/ui/fields.py" line="60"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fields.py" line="62"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fields.py" line="200"/>
        <source>Deleted</source>
        <translation>Eliminado</translation>
    </message>
</context>
<context>
    <name>FormsAdminDialog</name>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="77"/>
        <source>Forms</source>
        <translation>Formularios</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="100"/>
        <source>T&amp;itle</source>
        <translation>&amp;Título</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="106"/>
        <source>The languages the labels are written in, the first one the default</source>
        <translation>Idiomas en los que se escriben las etiquetas; el primero es el predeterminado</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="109"/>
        <source>&amp;Languages</source>
        <translation>I&amp;diomas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="120"/>
        <source>&amp;Beneficiary</source>
        <translation>Bene&amp;ficiario</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="121"/>
        <source>Se&amp;ssion</source>
        <translation>&amp;Sesión</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="128"/>
        <source>Problems in the definition</source>
        <translation>Problemas en la definición</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="135"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="138"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="140"/>
        <source>Save &amp;draft</source>
        <translation>&amp;Guardar borrador</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="141"/>
        <source>&amp;Publish…</source>
        <translation>P&amp;ublicar…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="142"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="222"/>
        <source>Published: version %1. You are editing the draft of version %2.</source>
        <translation>Publicado: versión %1. Está editando el borrador de la versión %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="226"/>
        <source>Nothing published yet. You are editing the draft of version 1.</source>
        <translation>Aún no se ha publicado nada. Está editando el borrador de la versión 1.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="229"/>
        <source>(unsaved changes)</source>
        <translation>(cambios sin guardar)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="231"/>
        <source>Correct the problems listed below to save or publish.</source>
        <translation>Corrija los problemas que se indican abajo para poder guardar o publicar.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="240"/>
        <source>Form definitions (*.json)</source>
        <translation>Definiciones de formulario (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="240"/>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="257"/>
        <source>Import a form definition</source>
        <translation>Importar una definición de formulario</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/forms_admin.py" line="273"/>
        <source>%1 was not imported: it has %n problem(s).</source>
        <translation>
            <numerusform>%1 no se ha importado: tiene %n problema.</numerusform>
            <numerusform>%1 no se ha importado: tiene %n problemas.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="291"/>
        <source>Export the form definition</source>
        <translation>Exportar la definición del formulario</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="299"/>
        <source>Exported to %1.</source>
        <translation>Exportado a %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="312"/>
        <source>Draft saved.</source>
        <translation>Borrador guardado.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="321"/>
        <source>Publish the form</source>
        <translation>Publicar el formulario</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="323"/>
        <source>Publish this form as version %1? Every laptop of the organisation gets it at its next sync. A published field can later be retired, never removed.</source>
        <translation>¿Desea publicar este formulario como versión %1? Todos los equipos de la organización lo recibirán en su próxima sincronización. Un campo publicado podrá retirarse más adelante, pero nunca eliminarse.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="326"/>
        <source>&amp;Publish version %1</source>
        <translation>&amp;Publicar la versión %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="343"/>
        <source>Version %1 published.</source>
        <translation>Versión %1 publicada.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="376"/>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="377"/>
        <source>Close without saving the draft?</source>
        <translation>¿Desea cerrar sin guardar el borrador?</translation>
    </message>
</context>
<context>
    <name>HouseholdPanel</name>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="79"/>
        <source>Household members</source>
        <translation>Miembros del hogar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="86"/>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="87"/>
        <source>&amp;Add existing…</source>
        <translation>Añadir e&amp;xistente…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="89"/>
        <source>Register a &amp;new member…</source>
        <translation>Registrar un &amp;nuevo miembro…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="92"/>
        <source>Re&amp;lationship…</source>
        <translation>&amp;Parentesco…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="94"/>
        <source>Make &amp;head</source>
        <translation>Nombrar ca&amp;beza de familia</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="95"/>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="132"/>
        <source>Enter or double-click opens %1</source>
        <translation>Intro o doble clic abre la ficha de %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/household_panel.py" line="142"/>
        <source>%n member(s) in other caseloads</source>
        <translation>
            <numerusform>%n miembro en expedientes de otros gestores</numerusform>
            <numerusform>%n miembros en expedientes de otros gestores</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="146"/>
        <source>Not in a household.</source>
        <translation>No pertenece a ningún hogar.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="150"/>
        <source>Conflict: this household has several heads (%1), each made on another laptop. Choose the head: select a member and press Make head.</source>
        <translation>Conflicto: este hogar tiene varios cabezas de familia (%1), cada uno nombrado en otro equipo. Elija el cabeza de familia: seleccione un miembro y pulse «Nombrar cabeza de familia».</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="154"/>
        <source>This household has no head. Select a member and press Make head.</source>
        <translation>Este hogar no tiene cabeza de familia. Seleccione un miembro y pulse «Nombrar cabeza de familia».</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="169"/>
        <location filename="../../desktop/ui/printing.py" line="233"/>
        <source>Head of household</source>
        <translation>Cabeza de familia</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="172"/>
        <location filename="../../desktop/ui/printing.py" line="241"/>
        <source>this record</source>
        <translation>esta ficha</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="230"/>
        <source>Added to the household.</source>
        <translation>Se ha añadido al hogar.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="250"/>
        <source>Register a new member</source>
        <translation>Registrar un nuevo miembro</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="258"/>
        <source>Relationship of %1</source>
        <translation>Parentesco de %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="266"/>
        <source>Relationship changed.</source>
        <translation>Parentesco modificado.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="275"/>
        <source>%1 is now the head of the household.</source>
        <translation>%1 es ahora el cabeza de familia del hogar.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="284"/>
        <source>%1 removed from the household.</source>
        <translation>Se ha quitado a %1 del hogar.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="89"/>
        <location filename="../../desktop/ui/import_dialog.py" line="90"/>
        <location filename="../../desktop/ui/import_dialog.py" line="199"/>
        <source>Import from a file</source>
        <translation>Importar desde un archivo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="102"/>
        <source>Import progress</source>
        <translation>Progreso de la importación</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="104"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; A&amp;trás</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="105"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Siguiente &gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="106"/>
        <source>&amp;Dry run</source>
        <translation>&amp;Comprobar sin importar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="107"/>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="108"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="139"/>
        <source>File to import</source>
        <translation>Archivo que se va a importar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="140"/>
        <source>A CSV or XLSX file</source>
        <translation>Un archivo CSV o XLSX</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="141"/>
        <source>B&amp;rowse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="147"/>
        <source>&amp;File:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="151"/>
        <source>What the file holds</source>
        <translation>Qué contiene el archivo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="152"/>
        <source>Beneficiaries</source>
        <translation>Beneficiarios</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="154"/>
        <source>Sessions (matched to beneficiaries by Case no.)</source>
        <translation>Sesiones (asociadas a los beneficiarios por el n.º de expediente)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="156"/>
        <source>&amp;What:</source>
        <translation>&amp;Qué contiene:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="160"/>
        <source>Text encoding</source>
        <translation>Codificación del texto</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="161"/>
        <source>Detect automatically</source>
        <translation>Detectar automáticamente</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="164"/>
        <source>&amp;Encoding (CSV):</source>
        <translation>C&amp;odificación (CSV):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="168"/>
        <source>Order of day, month and year</source>
        <translation>Orden del día, el mes y el año</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="169"/>
        <source>Detect from the file</source>
        <translation>Detectar a partir del archivo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="170"/>
        <source>Day first (14/03/1988)</source>
        <translation>Primero el día (14/03/1988)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="171"/>
        <source>Month first (03/14/1988)</source>
        <translation>Primero el mes (03/14/1988)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="172"/>
        <source>Year first (1988/03/14)</source>
        <translation>Primero el año (1988/03/14)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="173"/>
        <source>&amp;Dates:</source>
        <translation>&amp;Fechas:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="178"/>
        <source>The file holds personal data: import only from a file you were given for this purpose, and delete copies you no longer need.</source>
        <translation>El archivo contiene datos personales: importe solo desde un archivo que le hayan entregado con este fin y elimine las copias que ya no necesite.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="201"/>
        <source>Spreadsheets (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>Hojas de cálculo (*.csv *.xlsx *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="212"/>
        <source>Each column of the file and the field it fills. Change any that is wrong.</source>
        <translation>Cada columna del archivo y el campo que rellena. Corrija las que no sean correctas.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="219"/>
        <source>Column mapping</source>
        <translation>Correspondencia de columnas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="221"/>
        <source>Column in the file</source>
        <translation>Columna del archivo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="221"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="221"/>
        <source>First value</source>
        <translation>Primer valor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="227"/>
        <source>&amp;Remember this mapping for the next import</source>
        <translation>&amp;Recordar esta correspondencia para la próxima importación</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="252"/>
        <source>Field for the column %1</source>
        <translation>Campo para la columna %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="253"/>
        <source>— not imported —</source>
        <translation>— no se importa —</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="277"/>
        <source>Preview of the rows</source>
        <translation>Vista previa de las filas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="285"/>
        <source>Import the &amp;valid rows; write the others and why to:</source>
        <translation>Importar las filas &amp;válidas; escribir las demás y el motivo en:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="288"/>
        <source>&amp;All or nothing: import nothing if any row has a problem</source>
        <translation>Todo o &amp;nada: no importar nada si alguna fila tiene un problema</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="295"/>
        <source>Rejects file</source>
        <translation>Archivo de filas rechazadas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="302"/>
        <source>&amp;Leave out the rows that look like a record already here</source>
        <translation>&amp;Dejar fuera las filas que parecen un registro que ya existe aquí</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="310"/>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="310"/>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="349"/>
        <source>First rows of the file: %1; with problems (marked): %2; likely duplicates: %3. A dry run checks every row without importing.</source>
        <translation>Primeras filas del archivo: %1; con problemas (marcadas): %2; probables duplicados: %3. «Comprobar sin importar» revisa todas las filas sin importarlas.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="363"/>
        <location filename="../../desktop/ui/import_dialog.py" line="367"/>
        <source>Row %1</source>
        <translation>Fila %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="371"/>
        <source>looks like row %1 of this file</source>
        <translation>se parece a la fila %1 de este archivo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="372"/>
        <source>looks like %1, already here</source>
        <translation>se parece a %1, que ya existe aquí</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="411"/>
        <source>Choose the file to import.</source>
        <translation>Elija el archivo que se va a importar.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="445"/>
        <source>%1: columns: %2.</source>
        <translation>%1: columnas: %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="460"/>
        <source>The file&apos;s text encoding could not be recognised. Choose it in the Encoding box (for a French or Spanish file from Windows: Windows-1252), then press Next.</source>
        <translation>No se ha podido reconocer la codificación del texto del archivo. Elíjala en la casilla Codificación (para un archivo francés o español de Windows: Windows-1252) y pulse Siguiente.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="493"/>
        <source>The dates of this file (e.g. %1) read either as day first or as month first. Choose the order in the Dates box, then press Next.</source>
        <translation>Las fechas de este archivo (p. ej., %1) pueden leerse con el día primero o con el mes primero. Elija el orden en la casilla Fechas y pulse Siguiente.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="529"/>
        <source>Rejected rows and why: %1</source>
        <translation>Filas rechazadas y motivo: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="536"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="562"/>
        <source>Beneficiaries imported: %1.</source>
        <translation>Beneficiarios importados: %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="573"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>IncomingReferralsDialog</name>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="234"/>
        <location filename="../../desktop/ui/referral_dialog.py" line="242"/>
        <source>Incoming referrals</source>
        <translation>Derivaciones recibidas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="243"/>
        <source>From</source>
        <translation>Remitente</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="243"/>
        <source>Received</source>
        <translation>Recibida</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="243"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="251"/>
        <source>Values shared with you:</source>
        <translation>Valores compartidos con usted:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="254"/>
        <source>Values shared</source>
        <translation>Valores compartidos</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="257"/>
        <source>&amp;Note (the reason, to decline):</source>
        <translation>&amp;Nota (el motivo, para rechazar):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="270"/>
        <source>&amp;Accept</source>
        <translation>&amp;Aceptar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="272"/>
        <source>&amp;Decline</source>
        <translation>&amp;Rechazar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="274"/>
        <source>&amp;Refresh</source>
        <translation>A&amp;ctualizar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="275"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="290"/>
        <source>Asking the server…</source>
        <translation>Consultando al servidor…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/referral_dialog.py" line="302"/>
        <source>%n referral(s) waiting for an answer.</source>
        <translation>
            <numerusform>%n derivación pendiente de respuesta.</numerusform>
            <numerusform>%n derivaciones pendientes de respuesta.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="323"/>
        <source>Nothing shared.</source>
        <translation>No se comparte nada.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="323"/>
        <source>Select a referral.</source>
        <translation>Seleccione una derivación.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="335"/>
        <source>Say why in the note to decline the referral.</source>
        <translation>Para rechazar la derivación, indique el motivo en la nota.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="343"/>
        <source>Accepted: case %1 is made; it arrives with the next sync.</source>
        <translation>Aceptada: se ha creado el expediente %1; llegará con la próxima sincronización.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="349"/>
        <source>Declined.</source>
        <translation>Rechazada.</translation>
    </message>
</context>
<context>
    <name>IntegrityBanner</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/integrity_banner.py" line="51"/>
        <source>The database file is damaged: its full check found %n problem(s). Records you open may be incomplete. Stop entering data, make a backup (File › Back up now), then close Caseload and restore the latest good backup (File › Restore backup…) or ask your administrator to run &apos;caseload check&apos;.</source>
        <translation>
            <numerusform>El archivo de la base de datos está dañado: su comprobación completa encontró %n problema. Los registros que abra pueden estar incompletos. Deje de introducir datos, haga una copia de seguridad (Archivo › Hacer copia de seguridad ahora), luego cierre Caseload y restaure la última copia buena (Archivo › Restaurar copia de seguridad…) o pida a su administrador que ejecute «caseload check».</numerusform>
            <numerusform>El archivo de la base de datos está dañado: su comprobación completa encontró %n problemas. Los registros que abra pueden estar incompletos. Deje de introducir datos, haga una copia de seguridad (Archivo › Hacer copia de seguridad ahora), luego cierre Caseload y restaure la última copia buena (Archivo › Restaurar copia de seguridad…) o pida a su administrador que ejecute «caseload check».</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KindEditor</name>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="69"/>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="70"/>
        <source>Long text</source>
        <translation>Texto largo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="71"/>
        <source>Whole number</source>
        <translation>Número entero</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="72"/>
        <source>Decimal number</source>
        <translation>Número decimal</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="73"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="74"/>
        <source>Yes / no</source>
        <translation>Sí / no</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="75"/>
        <source>One choice</source>
        <translation>Una opción</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="76"/>
        <source>Several choices</source>
        <translation>Varias opciones</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="109"/>
        <source>&amp;Fields</source>
        <translation>&amp;Campos</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="113"/>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="120"/>
        <source>&amp;Add field</source>
        <translation>&amp;Añadir campo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="122"/>
        <location filename="../../desktop/ui/form_kind_editor.py" line="530"/>
        <source>Re&amp;tire</source>
        <translation>&amp;Retirar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="124"/>
        <source>Move &amp;up</source>
        <translation>Su&amp;bir</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="126"/>
        <source>Move do&amp;wn</source>
        <translation>Ba&amp;jar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="128"/>
        <source>Remo&amp;ve</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="129"/>
        <source>Only a field never published can be removed</source>
        <translation>Solo se puede quitar un campo que nunca se haya publicado</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="149"/>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="156"/>
        <source>Add section</source>
        <translation>Añadir sección</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="159"/>
        <source>Remove section</source>
        <translation>Quitar sección</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="170"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="171"/>
        <source>Sectio&amp;ns</source>
        <translation>Seccio&amp;nes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="179"/>
        <source>Built-in fields sent with a referral to another organisation:</source>
        <translation>Campos integrados que se envían con una derivación a otra organización:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="193"/>
        <source>S&amp;hared</source>
        <translation>Compar&amp;tidos</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="196"/>
        <source>&amp;Key</source>
        <translation>Cla&amp;ve</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="198"/>
        <source>Lowercase letters, digits and _; a published field&apos;s key never changes</source>
        <translation>Letras minúsculas, dígitos y _; la clave de un campo publicado no cambia nunca</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="205"/>
        <source>K&amp;ind</source>
        <translation>Ti&amp;po</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="212"/>
        <source>S&amp;ection</source>
        <translation>S&amp;ección</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="213"/>
        <source>&amp;Required</source>
        <translation>&amp;Obligatorio</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="217"/>
        <source>Mi&amp;nimum</source>
        <translation>Mí&amp;nimo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="218"/>
        <source>Ma&amp;ximum</source>
        <translation>&amp;Máximo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="219"/>
        <source>Max &amp;length</source>
        <translation>&amp;Longitud máxima</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="220"/>
        <source>&amp;Pattern</source>
        <translation>&amp;Patrón</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="221"/>
        <source>A regular expression the whole value must match</source>
        <translation>Expresión regular con la que debe coincidir todo el valor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="222"/>
        <location filename="../../desktop/ui/form_kind_editor.py" line="226"/>
        <source>Choices</source>
        <translation>Opciones</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="234"/>
        <source>Add choice</source>
        <translation>Añadir opción</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="237"/>
        <source>Remove choice</source>
        <translation>Quitar opción</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="241"/>
        <source>Used in</source>
        <translation>Uso</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="244"/>
        <source>Personal data (cleared when erased)</source>
        <translation>Datos personales (se borran al suprimir los datos de la persona)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="245"/>
        <source>A list column</source>
        <translation>Columna de la lista</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="246"/>
        <source>A list filter</source>
        <translation>Filtro de la lista</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="247"/>
        <source>Searchable</source>
        <translation>Se puede buscar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="248"/>
        <source>Identifies a person (duplicate check)</source>
        <translation>Identifica a una persona (detección de duplicados)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="249"/>
        <source>Shared in a referral to another organisation</source>
        <translation>Se comparte en una derivación a otra organización</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="259"/>
        <source>Retired: hidden from new entry, stored values kept</source>
        <translation>Retirado: no se ofrece en los registros nuevos; se conservan los valores guardados</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="267"/>
        <source>Preview: the form as a caseworker sees it</source>
        <translation>Vista previa: el formulario tal como lo ve un gestor de casos</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="348"/>
        <source>(retired)</source>
        <translation>(retirado)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="358"/>
        <source>Label (%1)</source>
        <translation>Etiqueta (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="359"/>
        <source>Help (%1)</source>
        <translation>Ayuda (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="371"/>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="376"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="387"/>
        <source>(no section)</source>
        <translation>(sin sección)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="530"/>
        <source>Res&amp;tore</source>
        <translation>&amp;Restaurar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="539"/>
        <source>New field</source>
        <translation>Campo nuevo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="587"/>
        <source>Section</source>
        <translation>Sección</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="628"/>
        <source>Choice %1</source>
        <translation>Opción %1</translation>
    </message>
</context>
<context>
    <name>LanguageChooser</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="40"/>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="44"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../desktop/ui/lock.py" line="83"/>
        <source>Caseload is locked</source>
        <translation>Caseload está bloqueado</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="95"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="96"/>
        <source>Password to unlock</source>
        <translation>Contraseña para desbloquear</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="103"/>
        <source>Unlock error</source>
        <translation>Error de desbloqueo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="113"/>
        <location filename="../../desktop/ui/lock.py" line="115"/>
        <source>Switch user</source>
        <translation>Cambiar de usuario</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="119"/>
        <location filename="../../desktop/ui/lock.py" line="121"/>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="135"/>
        <source>Locked for %1 (%2). Enter your password to continue.</source>
        <translation>Bloqueado para %1 (%2). Introduzca su contraseña para continuar.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/ui/login.py" line="105"/>
        <source>Caseload: log in</source>
        <translation>Caseload: inicio de sesión</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="110"/>
        <source>Log in to open the encrypted case records.</source>
        <translation>Inicie sesión para abrir los expedientes cifrados.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="114"/>
        <source>Username</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="115"/>
        <source>&amp;Username</source>
        <translation>Nombre de &amp;usuario</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="119"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="120"/>
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="127"/>
        <source>Login error</source>
        <translation>Error de inicio de sesión</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="135"/>
        <location filename="../../desktop/ui/login.py" line="138"/>
        <source>Log in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="141"/>
        <location filename="../../desktop/ui/login.py" line="143"/>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="146"/>
        <source>&amp;Restore backup…</source>
        <translation>&amp;Restaurar copia de seguridad…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="149"/>
        <source>Restore backup</source>
        <translation>Restaurar copia de seguridad</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="171"/>
        <source>Enter your username and password.</source>
        <translation>Introduzca su nombre de usuario y su contraseña.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="203"/>
        <source>%1. It was not opened, and nothing was changed.</source>
        <translation>%1. No se ha abierto y no se ha modificado nada.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="208"/>
        <source>Enter your username and password, then choose “Restore backup…” to replace it with a backup.</source>
        <translation>Introduzca su nombre de usuario y su contraseña y elija «Restaurar copia de seguridad…» para sustituirla por una copia de seguridad.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="229"/>
        <source>Choose a Caseload backup</source>
        <translation>Elija una copia de seguridad de Caseload</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="231"/>
        <source>Caseload backups (*.db);;All files (*)</source>
        <translation>Copias de seguridad de Caseload (*.db);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="242"/>
        <source>Enter your username and password first: they prove who restores.</source>
        <translation>Introduzca primero su nombre de usuario y su contraseña: acreditan quién restaura.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="262"/>
        <source>The backup was restored (the replaced file is kept in %1). Log in.</source>
        <translation>Se ha restaurado la copia de seguridad (el archivo sustituido se conserva en %1). Inicie sesión.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="285"/>
        <source>You can try again now.</source>
        <translation>Ya puede volver a intentarlo.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/login.py" line="293"/>
        <source>Wait %n second(s) before trying again.</source>
        <translation>
            <numerusform>Espere %n segundo antes de volver a intentarlo.</numerusform>
            <numerusform>Espere %n segundos antes de volver a intentarlo.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/roles.py" line="13"/>
        <source>caseworker</source>
        <translation>gestor de casos</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roles.py" line="14"/>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roles.py" line="15"/>
        <source>admin</source>
        <translation>administrador</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="125"/>
        <source>Tasks</source>
        <translation>Tareas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="133"/>
        <source>Transfers</source>
        <translation>Transferencias</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="182"/>
        <source>Caseload — %1 (%2)</source>
        <translation>Caseload — %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="187"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="191"/>
        <source>Unlocked</source>
        <translation>Desbloqueado</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="222"/>
        <source>%n overdue task(s) · My tasks: Ctrl+T</source>
        <translation>
            <numerusform>%n tarea vencida · Mis tareas: Ctrl+T</numerusform>
            <numerusform>%n tareas vencidas · Mis tareas: Ctrl+T</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="447"/>
        <source>Form version %1 published.</source>
        <translation>Versión %1 del formulario publicada.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="468"/>
        <source>About Caseload</source>
        <translation>Acerca de Caseload</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="469"/>
        <source>Caseload %1
Offline-first case management with encrypted storage.</source>
        <translation>Caseload %1
Gestión de casos pensada para trabajar sin conexión, con almacenamiento cifrado.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="481"/>
        <source>Your password was changed.</source>
        <translation>Su contraseña se ha cambiado.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="500"/>
        <source>Diagnostics copied to the clipboard (no personal data).</source>
        <translation>Diagnóstico copiado al portapapeles (sin datos personales).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="508"/>
        <source>Restore backup</source>
        <translation>Restaurar copia de seguridad</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="510"/>
        <source>Restoring replaces every record on this computer with the backup&apos;s: whatever was written after the backup was made is lost (the current database is kept aside in the backup folder). Caseload logs you out; in the login window enter your password and choose the backup file.</source>
        <translation>La restauración sustituye todos los registros de este equipo por los de la copia de seguridad: se pierde todo lo escrito después de hacer la copia (la base de datos actual se guarda aparte en la carpeta de copias de seguridad). Caseload cerrará su sesión; en la ventana de inicio de sesión, introduzca su contraseña y elija el archivo de la copia.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="515"/>
        <source>&amp;Log out and restore</source>
        <translation>&amp;Cerrar sesión y restaurar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="543"/>
        <location filename="../../desktop/ui/main_window.py" line="545"/>
        <source>Backing up…</source>
        <translation>Haciendo la copia de seguridad…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="560"/>
        <source>Backup written: %1</source>
        <translation>Copia de seguridad guardada: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="563"/>
        <source>(File → Settings…)</source>
        <translation>(Archivo → Configuración…)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="627"/>
        <source>Locked</source>
        <translation>Bloqueado</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="686"/>
        <source>Switch user</source>
        <translation>Cambiar de usuario</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="687"/>
        <location filename="../../desktop/ui/main_window.py" line="722"/>
        <source>Discard the unsaved changes in %n open form(s)?</source>
        <translation>
            <numerusform>¿Descartar los cambios sin guardar de %n formulario abierto?</numerusform>
            <numerusform>¿Descartar los cambios sin guardar de %n formularios abiertos?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="688"/>
        <source>&amp;Discard and switch</source>
        <translation>&amp;Descartar y cambiar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="721"/>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="723"/>
        <source>&amp;Discard and quit</source>
        <translation>&amp;Descartar y salir</translation>
    </message>
</context>
<context>
    <name>ManualDialog</name>
    <message>
        <location filename="../../desktop/ui/help.py" line="55"/>
        <source>Caseload user manual</source>
        <translation>Manual de usuario de Caseload</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="61"/>
        <source>User manual</source>
        <translation>Manual de usuario</translation>
    </message>
</context>
<context>
    <name>MergeActions</name>
    <message>
        <location filename="../../desktop/ui/merge_actions.py" line="25"/>
        <source>Merge…</source>
        <translation>Fusionar…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_actions.py" line="28"/>
        <source>Merge the two records selected in the list (one person, twice)</source>
        <translation>Fusionar las dos fichas seleccionadas en la lista (una misma persona, dos veces)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_actions.py" line="31"/>
        <source>Possible duplicates…</source>
        <translation>Posibles duplicados…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_actions.py" line="33"/>
        <source>Find records across the caseload that may be one person</source>
        <translation>Buscar en todos los expedientes fichas que pueden ser una misma persona</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_actions.py" line="36"/>
        <source>Undo merge…</source>
        <translation>Deshacer la fusión…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_actions.py" line="38"/>
        <source>Put back the record merged into the one shown</source>
        <translation>Restaurar la ficha que se fusionó con la que se muestra</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_actions.py" line="71"/>
        <source>Merged on %1: another record of this person was merged into this one.</source>
        <translation>Fusión del %1: otra ficha de esta persona se fusionó con esta.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="47"/>
        <source>Merge two records</source>
        <translation>Fusionar dos fichas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="65"/>
        <source>&amp;Swap sides</source>
        <translation>&amp;Intercambiar lados</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="68"/>
        <source>&amp;Merge</source>
        <translation>&amp;Fusionar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="70"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="90"/>
        <source>%1 stays; %2 is merged into it and kept as a forwarding record. Choose each highlighted field&apos;s value. Its sessions, tasks and other linked records move to %1. A supervisor can undo the merge.</source>
        <translation>Se conserva la ficha %1; la ficha %2 se fusiona con ella y se mantiene como ficha de redirección. Elija el valor de cada campo resaltado. Sus sesiones, tareas y demás registros vinculados pasan a %1. Un supervisor puede deshacer la fusión.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="101"/>
        <source>Moving to %1: %2.</source>
        <translation>Pasan a %1: %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="103"/>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="112"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="113"/>
        <source>Stays: %1</source>
        <translation>Se conserva: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="114"/>
        <source>Merged: %1</source>
        <translation>Se fusiona: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="133"/>
        <source>%1, from %2</source>
        <translation>%1, de %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/merge_dialog.py" line="181"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n sesión</numerusform>
            <numerusform>%n sesiones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/merge_dialog.py" line="182"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n tarea</numerusform>
            <numerusform>%n tareas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/merge_dialog.py" line="183"/>
        <source>%n household link(s)</source>
        <translation>
            <numerusform>%n vínculo de hogar</numerusform>
            <numerusform>%n vínculos de hogar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/merge_dialog.py" line="184"/>
        <source>%n transfer(s)</source>
        <translation>
            <numerusform>%n transferencia</numerusform>
            <numerusform>%n transferencias</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/merge_dialog.py" line="185"/>
        <source>%n referral(s)</source>
        <translation>
            <numerusform>%n derivación</numerusform>
            <numerusform>%n derivaciones</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="214"/>
        <source>%2 merged into %1.</source>
        <translation>%2 se ha fusionado con %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="265"/>
        <source>Undo the merge?</source>
        <translation>¿Desea deshacer la fusión?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="267"/>
        <source>The merged record comes back with the sessions, tasks and other records that moved with the merge; the kept record&apos;s fields the merge changed go back.</source>
        <translation>La ficha fusionada vuelve con las sesiones, tareas y demás registros que se trasladaron con la fusión; los campos de la ficha conservada que la fusión cambió recuperan su valor anterior.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="270"/>
        <source>&amp;Undo merge</source>
        <translation>&amp;Deshacer la fusión</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="274"/>
        <source>Merge undone.</source>
        <translation>Fusión deshecha.</translation>
    </message>
</context>
<context>
    <name>NewTaskDialog</name>
    <message>
        <location filename="../../desktop/ui/task_dialog.py" line="37"/>
        <source>New task for %1</source>
        <translation>Nueva tarea para %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/task_dialog.py" line="61"/>
        <source>Add task</source>
        <translation>Añadir tarea</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/task_dialog.py" line="73"/>
        <source>Task added.</source>
        <translation>Tarea añadida.</translation>
    </message>
</context>
<context>
    <name>PrintCaseDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/print_dialog.py" line="239"/>
        <source>Saved %1 (%n page(s)); the PDF is not encrypted.</source>
        <translation>
            <numerusform>Guardado: %1 (páginas: %n); el PDF no está cifrado.</numerusform>
            <numerusform>Guardado: %1 (páginas: %n); el PDF no está cifrado.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/print_dialog.py" line="262"/>
        <source>Sent to the printer (%n page(s)).</source>
        <translation>
            <numerusform>Enviado a la impresora (páginas: %n).</numerusform>
            <numerusform>Enviado a la impresora (páginas: %n).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="271"/>
        <source>Printing…</source>
        <translation>Imprimiendo…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="51"/>
        <source>Print %1</source>
        <translation>Imprimir %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="57"/>
        <source>&amp;Case summary</source>
        <translation>&amp;Resumen del expediente</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="59"/>
        <source>The record, the organisation&apos;s fields and every session</source>
        <translation>La ficha, los campos de la organización y todas las sesiones</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="60"/>
        <source>&amp;Referral letter</source>
        <translation>&amp;Carta de derivación</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="62"/>
        <source>A letter referring this person to a partner</source>
        <translation>Una carta que deriva a esta persona a una entidad colaboradora</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="69"/>
        <source>Referral</source>
        <translation>Derivación</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="80"/>
        <source>Recipient&apos;s &amp;name:</source>
        <translation>&amp;Nombre del destinatario:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="81"/>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organización:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="82"/>
        <source>Rea&amp;son:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="92"/>
        <source>PDF file</source>
        <translation>Archivo PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="94"/>
        <source>PDF &amp;file:</source>
        <translation>&amp;Archivo PDF:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="96"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="105"/>
        <source>The PDF is not encrypted and holds this person&apos;s personal data: keep it where only people who may read the case can open it, and delete it when it is no longer needed.</source>
        <translation>El PDF no está cifrado y contiene datos personales de esta persona: guárdelo donde solo puedan abrirlo quienes tengan acceso al expediente y elimínelo cuando ya no se necesite.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="124"/>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="128"/>
        <source>Save as P&amp;DF</source>
        <translation>Guardar como P&amp;DF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="153"/>
        <source>Save as PDF (not encrypted)</source>
        <translation>Guardar como PDF (sin cifrar)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="155"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="164"/>
        <source>Replace the file?</source>
        <translation>¿Desea reemplazar el archivo?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="165"/>
        <source>%1 exists. Replace it with this paper?</source>
        <translation>%1 ya existe. ¿Desea reemplazarlo por este documento?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="166"/>
        <source>&amp;Replace</source>
        <translation>&amp;Reemplazar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="182"/>
        <source>Name the PDF file to write.</source>
        <translation>Indique el nombre del archivo PDF que se va a escribir.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../desktop/ui/paper.py" line="108"/>
        <source>The printer or the file could not be opened for writing.</source>
        <translation>No se ha podido abrir la impresora ni el archivo para escribir.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper.py" line="117"/>
        <source>Printing stopped; nothing was written.</source>
        <translation>Se ha detenido la impresión; no se ha escrito nada.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper.py" line="128"/>
        <source>%1 · page %2 of %3</source>
        <translation>%1 · página %2 de %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper.py" line="168"/>
        <source>%1 is a folder; name the PDF file.</source>
        <translation>%1 es una carpeta; indique el nombre del archivo PDF.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper.py" line="171"/>
        <source>The folder %1 does not exist.</source>
        <translation>La carpeta %1 no existe.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper.py" line="176"/>
        <source>Cannot write in %1: %2.</source>
        <translation>No se puede escribir en %1: %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="173"/>
        <source>Beneficiary</source>
        <translation>Beneficiario</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="180"/>
        <source>The organisation&apos;s fields</source>
        <translation>Campos de la organización</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="202"/>
        <source>No sessions recorded.</source>
        <translation>No hay ninguna sesión registrada.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/printing.py" line="218"/>
        <source>Follow-up tasks (%n)</source>
        <translation>
            <numerusform>Tareas de seguimiento (%n)</numerusform>
            <numerusform>Tareas de seguimiento (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="220"/>
        <source>No follow-up tasks.</source>
        <translation>No hay tareas de seguimiento.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="253"/>
        <source>The household&apos;s head is to be chosen again.</source>
        <translation>Hay que volver a elegir el cabeza de familia del hogar.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="288"/>
        <source>Printed by %1 on %2. Confidential: this paper holds personal data.</source>
        <translation>Impreso por %1 el %2. Confidencial: este documento contiene datos personales.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="300"/>
        <source>Case summary</source>
        <translation>Resumen del expediente</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="330"/>
        <source>Name the person or the organisation the case is referred to.</source>
        <translation>Indique la persona o la organización a la que se deriva el expediente.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="333"/>
        <source>Say why the case is referred.</source>
        <translation>Indique por qué se deriva el expediente.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="355"/>
        <source>Referral</source>
        <translation>Derivación</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="367"/>
        <source>We refer %1 to your organisation, for the reason below.</source>
        <translation>Derivamos a %1 a su organización por el motivo que se indica a continuación.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="370"/>
        <source>Person referred</source>
        <translation>Persona derivada</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="372"/>
        <source>Reason for the referral</source>
        <translation>Motivo de la derivación</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="374"/>
        <source>Caseworker</source>
        <translation>Gestor de casos</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="376"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="378"/>
        <source>Letter written by</source>
        <translation>Carta redactada por</translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="174"/>
        <source>Saved %1.</source>
        <translation>Expediente %1 guardado.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="207"/>
        <source>Session saved.</source>
        <translation>Sesión guardada.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="213"/>
        <source>Caseload is locked; unlock it to save.</source>
        <translation>Caseload está bloqueado; desbloquéelo para guardar.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="255"/>
        <source>Session cancelled.</source>
        <translation>Sesión cancelada.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="262"/>
        <source>Delete session</source>
        <translation>Eliminar la sesión</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="263"/>
        <source>Delete this session, with its summary and outcome?</source>
        <translation>¿Eliminar esta sesión, con su resumen y su resultado?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="264"/>
        <source>&amp;Delete session</source>
        <translation>&amp;Eliminar la sesión</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="268"/>
        <source>Session deleted.</source>
        <translation>Sesión eliminada.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="280"/>
        <source>&amp;Continue</source>
        <translation>&amp;Continuar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="306"/>
        <source>Case closed.</source>
        <translation>Expediente cerrado.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="317"/>
        <source>Case reopened.</source>
        <translation>Expediente reabierto.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="331"/>
        <source>Reassign</source>
        <translation>Reasignar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="332"/>
        <source>New caseworker for %1:</source>
        <translation>Nuevo gestor de casos para %1:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="342"/>
        <source>Reassigned to %1.</source>
        <translation>Reasignado a %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="351"/>
        <source>Delete beneficiary</source>
        <translation>Eliminar el beneficiario</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="353"/>
        <source>Delete %1 (%2)? Their personal data and their sessions (%3), with every summary and outcome, are removed; the deletion is recorded and synced.</source>
        <translation>¿Eliminar a %1 (%2)? Se borran sus datos personales y sus sesiones (%3), con todos los resúmenes y resultados; la eliminación queda registrada y se sincroniza.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="359"/>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="364"/>
        <source>Deleted.</source>
        <translation>Eliminado.</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../desktop/ui/forms.py" line="174"/>
        <source>Form error</source>
        <translation>Error en el formulario</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="197"/>
        <location filename="../../desktop/ui/forms.py" line="563"/>
        <source>&amp;Save</source>
        <translation>G&amp;uardar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="199"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="200"/>
        <source>Save (Ctrl+S)</source>
        <translation>Guardar (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="202"/>
        <location filename="../../desktop/ui/forms.py" line="203"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="320"/>
        <source>Choose…</source>
        <translation>Elija…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="321"/>
        <source>(not recorded)</source>
        <translation>(no consta)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="563"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="582"/>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="583"/>
        <source>Save your changes before closing?</source>
        <translation>¿Guardar los cambios antes de cerrar?</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="57"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="58"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="94"/>
        <source>Refer %1 to another organisation</source>
        <translation>Derivar a %1 a otra organización</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="101"/>
        <source>%1 (case %2)</source>
        <translation>%1 (expediente %2)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="113"/>
        <source>Receiving organisation</source>
        <translation>Organización receptora</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="114"/>
        <source>Loading the server&apos;s list…</source>
        <translation>Cargando la lista del servidor…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="115"/>
        <source>&amp;To organisation:</source>
        <translation>&amp;Organización de destino:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="119"/>
        <source>Only these values leave this organisation (the form definition marks them shareable):</source>
        <translation>Solo estos valores salen de esta organización (la definición del formulario los marca como compartibles):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="127"/>
        <source>Values that will be shared</source>
        <translation>Valores que se compartirán</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="131"/>
        <source>Nothing: the form definition marks no field shareable.</source>
        <translation>Nada: la definición del formulario no marca ningún campo como compartible.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="136"/>
        <source>The person &amp;consents to sharing these values with that organisation</source>
        <translation>La persona &amp;consiente en compartir estos valores con esa organización</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="140"/>
        <source>&amp;Note for the receiving organisation:</source>
        <translation>&amp;Nota para la organización receptora:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="144"/>
        <source>Referral note</source>
        <translation>Nota de derivación</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="159"/>
        <source>&amp;Send referral</source>
        <translation>&amp;Enviar la derivación</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="177"/>
        <source>Organisation name</source>
        <translation>Nombre de la organización</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="181"/>
        <source>The server cannot be reached: type the organisation&apos;s name</source>
        <translation>No se puede acceder al servidor: escriba el nombre de la organización</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="199"/>
        <source>Referral saved; it is sent at the next sync.</source>
        <translation>Derivación guardada; se enviará en la próxima sincronización.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="212"/>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="213"/>
        <source>To organisation</source>
        <translation>Organización de destino</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="214"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="376"/>
        <source>To %1: %2</source>
        <translation>A %1: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="381"/>
        <source>(not sent yet)</source>
        <translation>(aún no enviada)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="63"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="70"/>
        <source>Lock after idle minutes</source>
        <translation>Minutos de inactividad antes de bloquear</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="72"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="74"/>
        <source>&amp;Lock after idle time</source>
        <translation>&amp;Bloquear tras inactividad</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="79"/>
        <location filename="../../desktop/ui/settings_dialog.py" line="122"/>
        <source>Backup folder</source>
        <translation>Carpeta de copias de seguridad</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="82"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="83"/>
        <source>Browse for backup folder</source>
        <translation>Elegir la carpeta de copias de seguridad</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="86"/>
        <source>Backup &amp;folder</source>
        <translation>&amp;Carpeta de copias de seguridad</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="94"/>
        <source>Back up automatically once a day</source>
        <translation>Hacer una copia de seguridad automática una vez al día</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="96"/>
        <source>Automatic daily backup</source>
        <translation>Copia de seguridad diaria automática</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="99"/>
        <source>Back up &amp;now</source>
        <translation>Hacer copia &amp;ahora</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="100"/>
        <source>Back up now</source>
        <translation>Hacer copia de seguridad ahora</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="104"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="106"/>
        <source>A new language applies the next time Caseload starts.</source>
        <translation>El nuevo idioma se aplicará la próxima vez que se inicie Caseload.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="151"/>
        <source>This folder is on the same disk as the database: if the laptop is lost or its disk fails, the backups go with it. Choose a folder on a USB drive or another disk.</source>
        <translation>Esta carpeta está en el mismo disco que la base de datos: si el portátil se pierde o su disco falla, las copias de seguridad se pierden con él. Elija una carpeta en una memoria USB o en otro disco.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../desktop/ui/login.py" line="336"/>
        <source>Caseload: first start</source>
        <translation>Caseload: primer inicio</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="344"/>
        <source>Welcome. Caseload keeps case records encrypted on this computer. Create the first administrator account; it can add the other users.</source>
        <translation>Bienvenido. Caseload guarda los expedientes cifrados en este equipo. Cree la primera cuenta de administrador; con ella podrá añadir a los demás usuarios.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="353"/>
        <source>Lan&amp;guage</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="376"/>
        <source>Admin &amp;username</source>
        <translation>Nombre de &amp;usuario del administrador</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="377"/>
        <source>&amp;Display name</source>
        <translation>Nombre &amp;visible</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="378"/>
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="379"/>
        <source>&amp;Repeat password</source>
        <translation>&amp;Repetir la contraseña</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="383"/>
        <source>Use a long passphrase (at least 8 characters). There is no way to recover the records if every password is lost.</source>
        <translation>Use una frase de contraseña larga (8 caracteres como mínimo). Si se pierden todas las contraseñas, no hay forma de recuperar los expedientes.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="395"/>
        <location filename="../../desktop/ui/login.py" line="398"/>
        <source>Create database</source>
        <translation>Crear la base de datos</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="401"/>
        <location filename="../../desktop/ui/login.py" line="403"/>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="425"/>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
</context>
<context>
    <name>SyncControls</name>
    <message>
        <location filename="../../desktop/ui/window_sync.py" line="80"/>
        <source>Last backup: %1</source>
        <translation>Última copia de seguridad: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_sync.py" line="82"/>
        <source>No backup yet</source>
        <translation>Todavía no hay copia de seguridad</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="183"/>
        <source>Sync with the central server</source>
        <translation>Sincronización con el servidor central</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="188"/>
        <source>Server account</source>
        <translation>Cuenta en el servidor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="192"/>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="194"/>
        <source>Server username</source>
        <translation>Nombre de usuario en el servidor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="197"/>
        <source>Server password</source>
        <translation>Contraseña en el servidor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="198"/>
        <source>asked once; only a token is kept</source>
        <translation>se pide una sola vez; solo se guarda un token</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="199"/>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="203"/>
        <location filename="../../desktop/ui/sync_panel.py" line="440"/>
        <source>Certificate authority file</source>
        <translation>Archivo de la autoridad de certificación</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="204"/>
        <source>none: the usual trusted authorities</source>
        <translation>ninguno: las autoridades de confianza habituales</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="205"/>
        <source>B&amp;rowse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="206"/>
        <source>Browse for a certificate authority file</source>
        <translation>Elegir un archivo de autoridad de certificación</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="211"/>
        <source>Certificate &amp;authority:</source>
        <translation>Autoridad de cer&amp;tificación:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="212"/>
        <source>&amp;Username:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="213"/>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="215"/>
        <source>Sign &amp;in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="216"/>
        <source>Sign &amp;out</source>
        <translation>Ce&amp;rrar sesión</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="217"/>
        <source>Cancel sign-in</source>
        <translation>Cancelar el inicio de sesión</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="242"/>
        <location filename="../../desktop/ui/sync_panel.py" line="245"/>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="242"/>
        <source>Reason the server gave</source>
        <translation>Motivo indicado por el servidor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="245"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="245"/>
        <source>Here</source>
        <translation>En este equipo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="245"/>
        <source>On the server</source>
        <translation>En el servidor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="253"/>
        <source>Keep &amp;mine</source>
        <translation>Conservar la &amp;mía</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="254"/>
        <source>Keep &amp;theirs</source>
        <translation>Conservar la del ser&amp;vidor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="255"/>
        <source>&amp;Edit…</source>
        <translation>E&amp;ditar…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="268"/>
        <source>Case number</source>
        <translation>N.º de expediente</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="268"/>
        <source>What waits</source>
        <translation>Qué espera</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="268"/>
        <source>Who can decide</source>
        <translation>Quién puede decidir</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="271"/>
        <source>Refused records</source>
        <translation>Registros rechazados</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="272"/>
        <source>Conflicts</source>
        <translation>Conflictos</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="273"/>
        <source>Waiting for a decision</source>
        <translation>Pendiente de decisión</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="278"/>
        <source>Caseworkers on the server</source>
        <translation>Gestores de casos en el servidor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="284"/>
        <source>Sync progress</source>
        <translation>Progreso de la sincronización</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="287"/>
        <source>Sync &amp;now</source>
        <translation>Sincronizar &amp;ahora</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="298"/>
        <source>&amp;Cancel sync</source>
        <translation>Cancelar la sincro&amp;nización</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="345"/>
        <source>Signed in to %1 as %2.</source>
        <translation>Sesión iniciada en %1 como %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="350"/>
        <source>Not signed in to a server.</source>
        <translation>Sin sesión en ningún servidor.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="354"/>
        <source>Changes waiting to be sent: %1</source>
        <translation>Cambios pendientes de envío: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="355"/>
        <source>Last sync: %1</source>
        <translation>Última sincronización: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="357"/>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="369"/>
        <source>Refused records (%1)</source>
        <translation>Registros rechazados (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="372"/>
        <source>Conflicts (%1)</source>
        <translation>Conflictos (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="377"/>
        <source>Waiting for a decision (%1)</source>
        <translation>Pendiente de decisión (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="414"/>
        <source>a supervisor (%1)</source>
        <translation>un supervisor (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="414"/>
        <source>a supervisor</source>
        <translation>un supervisor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="417"/>
        <source>you, in the Conflicts tab</source>
        <translation>usted, en la pestaña Conflictos</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="442"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificados (*.pem *.crt *.cer);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="477"/>
        <source>Signing in to %1…</source>
        <translation>Iniciando sesión en %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="495"/>
        <source>Sign-in cancelled; nothing was kept.</source>
        <translation>Inicio de sesión cancelado; no se guardó nada.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="506"/>
        <source>Unencrypted connection</source>
        <translation>Conexión sin cifrar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="516"/>
        <source>Not signed in: the server did not answer.</source>
        <translation>Sin sesión: el servidor no respondió.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="519"/>
        <source>The server did not answer the sign-in (waited %1 s). Check the server address and the network connection, then sign in again.</source>
        <translation>El servidor no respondió al inicio de sesión (se esperó %1 s). Compruebe la dirección del servidor y la conexión de red, y vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="602"/>
        <source>Records differ from the server</source>
        <translation>Los registros difieren de los del servidor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="604"/>
        <source>After this sync the records here do not match the server&apos;s. Run a full resync now? Changes not yet sent are kept.</source>
        <translation>Tras esta sincronización, los registros de este equipo no coinciden con los del servidor. ¿Ejecutar ahora una resincronización completa? Los cambios aún no enviados se conservan.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="615"/>
        <source>Sync cancelled; nothing was lost.</source>
        <translation>Sincronización cancelada; no se ha perdido nada.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="628"/>
        <source>Edit value</source>
        <translation>Editar el valor</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../desktop/ui/sync_status.py" line="28"/>
        <source>more than %1</source>
        <translation>más de %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_status.py" line="37"/>
        <source>More than %1 changes waiting to sync</source>
        <translation>Más de %1 cambios pendientes de sincronizar</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/sync_status.py" line="40"/>
        <source>%Ln change(s) waiting to sync</source>
        <translation>
            <numerusform>%Ln cambio pendiente de sincronizar</numerusform>
            <numerusform>%Ln cambios pendientes de sincronizar</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_status.py" line="46"/>
        <source>Sync: not set up</source>
        <translation>Sincronización: sin configurar</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/sync_status.py" line="49"/>
        <source>%Ln conflict(s)</source>
        <translation>
            <numerusform>%Ln conflicto</numerusform>
            <numerusform>%Ln conflictos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/sync_status.py" line="51"/>
        <source>%Ln refused</source>
        <translation>
            <numerusform>%Ln rechazado</numerusform>
            <numerusform>%Ln rechazados</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_status.py" line="53"/>
        <source>sign in needed</source>
        <translation>hay que iniciar sesión</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_status.py" line="56"/>
        <source>last sync %1</source>
        <translation>última sincronización %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_status.py" line="56"/>
        <source>never synced</source>
        <translation>nunca sincronizado</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_status.py" line="58"/>
        <source>Sync: </source>
        <translation>Sincronización: </translation>
    </message>
</context>
<context>
    <name>TaskCloseDialog</name>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="47"/>
        <source>Mark task done</source>
        <translation>Marcar la tarea como realizada</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="47"/>
        <source>Dismiss task</source>
        <translation>Descartar la tarea</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="51"/>
        <source>What was done:</source>
        <translation>Qué se hizo:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="51"/>
        <source>Why it is not to be done:</source>
        <translation>Por qué no se va a hacer:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="60"/>
        <source>%1 · %2, due %3</source>
        <translation>%1 · %2, vence el %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="70"/>
        <source>Mark done</source>
        <translation>Marcar como realizada</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="70"/>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="84"/>
        <source>Write a few words first.</source>
        <translation>Escriba primero unas palabras.</translation>
    </message>
</context>
<context>
    <name>TasksPanel</name>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="112"/>
        <source>My tasks</source>
        <translation>Mis tareas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="113"/>
        <source>Office tasks</source>
        <translation>Tareas de la oficina</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="114"/>
        <source>&amp;My tasks</source>
        <translation>&amp;Mis tareas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="115"/>
        <source>&amp;Office</source>
        <translation>&amp;Oficina</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="117"/>
        <source>Mark &amp;done…</source>
        <translation>Marcar como &amp;realizada…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="120"/>
        <source>D&amp;ismiss…</source>
        <translation>&amp;Descartar…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="123"/>
        <source>O&amp;pen record</source>
        <translation>A&amp;brir la ficha</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="148"/>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="148"/>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="148"/>
        <source>Beneficiary</source>
        <translation>Beneficiario</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/tasks_panel.py" line="193"/>
        <source>%n of your tasks overdue</source>
        <translation>
            <numerusform>%n de sus tareas está vencida</numerusform>
            <numerusform>%n de sus tareas están vencidas</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="195"/>
        <source>None of your tasks is overdue.</source>
        <translation>Ninguna de sus tareas está vencida.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="200"/>
        <source>Session&apos;s follow-up</source>
        <translation>Seguimiento de la sesión</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="202"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="221"/>
        <source>Overdue (%1)</source>
        <translation>Vencidas (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="222"/>
        <source>Today (%1)</source>
        <translation>Hoy (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="223"/>
        <source>This week (%1)</source>
        <translation>Esta semana (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="240"/>
        <source>%1: %2 overdue, %3 today, %4 later this week</source>
        <translation>%1: %2 vencidas, %3 para hoy, %4 más adelante esta semana</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="310"/>
        <source>Task marked done.</source>
        <translation>Tarea marcada como realizada.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="315"/>
        <source>Task dismissed.</source>
        <translation>Tarea descartada.</translation>
    </message>
</context>
<context>
    <name>TransferDecisionDialog</name>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="145"/>
        <source>Accept transfer</source>
        <translation>Aceptar la transferencia</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="145"/>
        <source>Accept</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="146"/>
        <source>Decline transfer</source>
        <translation>Rechazar la transferencia</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="146"/>
        <source>Decline</source>
        <translation>Rechazar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="147"/>
        <source>Cancel transfer</source>
        <translation>Cancelar la transferencia</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="152"/>
        <source>&amp;Why you decline (for %1):</source>
        <translation>&amp;Motivo del rechazo (para %1):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="154"/>
        <source>&amp;Note (optional):</source>
        <translation>&amp;Nota (opcional):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="159"/>
        <source>%1 · %2, from %3 to %4: %5</source>
        <translation>%1 · %2, de %3 a %4: %5</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="172"/>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="185"/>
        <source>Say why first: the proposer reads it.</source>
        <translation>Indique primero el motivo: lo leerá quien propuso la transferencia.</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="76"/>
        <source>Transfer %1</source>
        <translation>Transferir %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="84"/>
        <source>Caseworker to transfer to</source>
        <translation>Gestor de casos al que se transfiere</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="85"/>
        <source>&amp;To caseworker:</source>
        <translation>&amp;Gestor de destino:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="87"/>
        <source>&amp;Note for them:</source>
        <translation>&amp;Nota para el destinatario:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="88"/>
        <source>Why the case is handed on, what is under way</source>
        <translation>Por qué se transfiere el expediente y qué está en curso</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="91"/>
        <source>%1 · %2: the case moves once they accept it and both laptops sync.</source>
        <translation>%1 · %2: el expediente pasa al destinatario cuando este lo acepte y ambos equipos se sincronicen.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="100"/>
        <source>Propose transfer</source>
        <translation>Proponer la transferencia</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="119"/>
        <source>There is no other caseworker on this laptop to choose.</source>
        <translation>No hay ningún otro gestor de casos en este equipo para elegir.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="122"/>
        <source>Write a few words for the receiver first.</source>
        <translation>Escriba primero unas palabras para el destinatario.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="126"/>
        <source>Transfer proposed.</source>
        <translation>Transferencia propuesta.</translation>
    </message>
</context>
<context>
    <name>TransfersPanel</name>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="207"/>
        <source>Pending transfers</source>
        <translation>Transferencias pendientes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="208"/>
        <source>Case</source>
        <translation>Expediente</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="208"/>
        <source>From → to</source>
        <translation>De → a</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="208"/>
        <source>Proposed</source>
        <translation>Propuesta</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="216"/>
        <source>&amp;Accept…</source>
        <translation>&amp;Aceptar…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="218"/>
        <source>D&amp;ecline…</source>
        <translation>&amp;Rechazar…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="220"/>
        <source>Ca&amp;ncel transfer…</source>
        <translation>Ca&amp;ncelar la transferencia…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="222"/>
        <source>O&amp;pen record</source>
        <translation>A&amp;brir la ficha</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="286"/>
        <source>To decide (%1)</source>
        <translation>Por decidir (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="287"/>
        <source>Waiting for the receiver (%1)</source>
        <translation>A la espera del destinatario (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="289"/>
        <source>Others in the office (%1)</source>
        <translation>Otras de la oficina (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="306"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="309"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="327"/>
        <source>Transfers for you to decide: %1</source>
        <translation>Transferencias pendientes de su decisión: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="329"/>
        <source>No transfer waits for your decision.</source>
        <translation>No hay ninguna transferencia pendiente de su decisión.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="354"/>
        <source>%1 · %2
From %3 to %4, proposed %5:
%6</source>
        <translation>%1 · %2
De %3 a %4, propuesta el %5:
%6</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="391"/>
        <source>Transfer accepted.</source>
        <translation>Transferencia aceptada.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="392"/>
        <source>Transfer declined.</source>
        <translation>Transferencia rechazada.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="393"/>
        <source>Transfer cancelled.</source>
        <translation>Transferencia cancelada.</translation>
    </message>
</context>
<context>
    <name>UserLinksPage</name>
    <message>
        <location filename="../../desktop/ui/user_links.py" line="39"/>
        <source>Records go to the server as their caseworker&apos;s. A caseworker who is not linked to a server account keeps their records on this laptop until linked.</source>
        <translation>Los registros se envían al servidor a nombre de su gestor de casos. Mientras un gestor no esté vinculado a una cuenta del servidor, sus registros se quedan en este equipo.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/user_links.py" line="47"/>
        <source>Local users and their server accounts</source>
        <translation>Usuarios locales y sus cuentas en el servidor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/user_links.py" line="49"/>
        <source>Local user</source>
        <translation>Usuario local</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/user_links.py" line="49"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/user_links.py" line="49"/>
        <location filename="../../desktop/ui/user_links.py" line="62"/>
        <source>Server account</source>
        <translation>Cuenta en el servidor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/user_links.py" line="59"/>
        <source>Find server &amp;accounts</source>
        <translation>Buscar &amp;cuentas del servidor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/user_links.py" line="64"/>
        <source>&amp;Link to this account</source>
        <translation>&amp;Vincular a esta cuenta</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/user_links.py" line="77"/>
        <source>not linked: records wait here</source>
        <translation>sin vincular: los registros esperan aquí</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="156"/>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="168"/>
        <source>Local users</source>
        <translation>Usuarios locales</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="170"/>
        <source>Username</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="170"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="170"/>
        <location filename="../../desktop/ui/users_dialog.py" line="245"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="170"/>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="179"/>
        <source>&amp;Add user…</source>
        <translation>&amp;Añadir usuario…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="180"/>
        <source>&amp;Deactivate</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="181"/>
        <source>&amp;Reset password…</source>
        <translation>&amp;Restablecer la contraseña…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="182"/>
        <source>Change &amp;role…</source>
        <translation>Cambiar el r&amp;ol…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="193"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="213"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="213"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="239"/>
        <source>Add user</source>
        <translation>Añadir usuario</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="241"/>
        <source>&amp;Username</source>
        <translation>Nombre de &amp;usuario</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="242"/>
        <source>&amp;Display name</source>
        <translation>Nombre &amp;visible</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="248"/>
        <source>R&amp;ole</source>
        <translation>R&amp;ol</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="265"/>
        <source>New password for %1</source>
        <translation>Nueva contraseña para %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="281"/>
        <source>Reset password</source>
        <translation>Restablecer la contraseña</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="296"/>
        <source>Deactivate %1? They will no longer be able to log in. The database is re-encrypted under a new key, which can take a minute on a large caseload.</source>
        <translation>¿Desactivar a %1? Ya no podrá iniciar sesión. La base de datos se vuelve a cifrar con una clave nueva, lo que puede tardar un minuto si hay muchos expedientes.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="306"/>
        <source>The key slots of these users cannot be re-wrapped (old format or missing): they will need a password reset afterwards: %1</source>
        <translation>Las ranuras de clave de estos usuarios no se pueden volver a cifrar (formato antiguo o ausentes): después habrá que restablecer su contraseña: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="309"/>
        <location filename="../../desktop/ui/users_dialog.py" line="313"/>
        <source>Deactivate user</source>
        <translation>Desactivar usuario</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="336"/>
        <source>Preparing the new data key…</source>
        <translation>Preparando la nueva clave de datos…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="337"/>
        <source>Re-encrypting the database under the new key…</source>
        <translation>Volviendo a cifrar la base de datos con la nueva clave…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="338"/>
        <source>Checking the re-encrypted database…</source>
        <translation>Comprobando la base de datos cifrada de nuevo…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="339"/>
        <source>Re-wrapping the users&apos; key slots…</source>
        <translation>Volviendo a cifrar las ranuras de clave de los usuarios…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="350"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="396"/>
        <source>The data key was changed, but the key slots of these users could not be re-wrapped (old format or missing): they cannot log in until you reset their password: %1</source>
        <translation>Se ha cambiado la clave de datos, pero las ranuras de clave de estos usuarios no se han podido volver a cifrar (formato antiguo o ausentes): no podrán iniciar sesión hasta que restablezca su contraseña: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="401"/>
        <source>Password resets needed</source>
        <translation>Hay que restablecer contraseñas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="325"/>
        <source>Change role</source>
        <translation>Cambiar el rol</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="326"/>
        <source>Role of %1:</source>
        <translation>Rol de %1:</translation>
    </message>
</context>
<context>
    <name>WindowBuilding</name>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="51"/>
        <source>&amp;New beneficiary</source>
        <translation>&amp;Nuevo beneficiario</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="57"/>
        <source>New &amp;session</source>
        <translation>Nueva &amp;sesión</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="63"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="66"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="69"/>
        <source>Edit session…</source>
        <translation>Editar la sesión…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="71"/>
        <source>Cancel session</source>
        <translation>Cancelar la sesión</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="72"/>
        <source>Delete session…</source>
        <translation>Eliminar la sesión…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="74"/>
        <source>&amp;Close case</source>
        <translation>&amp;Cerrar expediente</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="76"/>
        <source>&amp;Reopen case</source>
        <translation>&amp;Reabrir expediente</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="78"/>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="81"/>
        <source>Print the case summary or a referral letter, or save it as PDF</source>
        <translation>Imprimir el resumen del expediente o una carta de derivación, o guardarlos como PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="84"/>
        <source>Re&amp;assign…</source>
        <translation>Reasi&amp;gnar…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="87"/>
        <source>&amp;Delete…</source>
        <translation>E&amp;liminar…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="90"/>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="96"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="99"/>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="101"/>
        <source>S&amp;witch user…</source>
        <translation>Cambiar de &amp;usuario…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="102"/>
        <source>&amp;Users…</source>
        <translation>&amp;Usuarios…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="104"/>
        <source>&amp;Forms…</source>
        <translation>&amp;Formularios…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="106"/>
        <source>The organisation&apos;s own fields in the forms</source>
        <translation>Los campos propios de la organización en los formularios</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="109"/>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="112"/>
        <source>&amp;Back up now</source>
        <translation>&amp;Hacer copia de seguridad ahora</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="114"/>
        <source>&amp;Restore backup…</source>
        <translation>&amp;Restaurar copia de seguridad…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="116"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="119"/>
        <source>The list as filtered, or every record, to CSV or Excel</source>
        <translation>La lista filtrada, o todos los registros, a CSV o Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="122"/>
        <source>&amp;Import from a file…</source>
        <translation>&amp;Importar desde un archivo…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="124"/>
        <source>Beneficiaries or sessions from a CSV or XLSX file</source>
        <translation>Beneficiarios o sesiones desde un archivo CSV o XLSX</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="127"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="129"/>
        <source>&amp;About Caseload</source>
        <translation>&amp;Acerca de Caseload</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="131"/>
        <source>Chan&amp;ge my password…</source>
        <translation>Cambiar &amp;mi contraseña…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="134"/>
        <source>User &amp;manual</source>
        <translation>&amp;Manual de usuario</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="138"/>
        <source>&amp;Copy diagnostics</source>
        <translation>Copiar &amp;diagnóstico</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="140"/>
        <source>S&amp;ync with server…</source>
        <translation>&amp;Sincronizar con el servidor…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="147"/>
        <source>My &amp;tasks</source>
        <translation>Mis &amp;tareas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="150"/>
        <source>Follow-ups overdue, due today and this week</source>
        <translation>Seguimientos vencidos, para hoy y para esta semana</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="154"/>
        <source>New tas&amp;k…</source>
        <translation>Nue&amp;va tarea…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="157"/>
        <source>A task by hand for the beneficiary shown</source>
        <translation>Una tarea creada a mano para el beneficiario que se muestra</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="160"/>
        <source>Transfers</source>
        <translation>Transferencias</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="163"/>
        <source>Cases proposed to you, and yours waiting for the receiver</source>
        <translation>Expedientes que le han propuesto y los suyos a la espera del destinatario</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="166"/>
        <source>Transfer case…</source>
        <translation>Transferir el expediente…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="169"/>
        <source>Hand the case shown on to another caseworker</source>
        <translation>Transferir el expediente mostrado a otro gestor de casos</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="174"/>
        <source>Refer to another organisation…</source>
        <translation>Derivar a otra organización…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="176"/>
        <source>Send the shareable values, with the person&apos;s consent</source>
        <translation>Enviar los valores compartibles, con el consentimiento de la persona</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="179"/>
        <source>Refer…</source>
        <translation>Derivar…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="181"/>
        <source>Incoming referrals…</source>
        <translation>Derivaciones recibidas…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="183"/>
        <source>Referrals other organisations sent to yours: accept or decline</source>
        <translation>Derivaciones que otras organizaciones han enviado a la suya: acéptelas o rechácelas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="199"/>
        <source>&amp;Dashboard…</source>
        <translation>&amp;Cuadro de mando…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="201"/>
        <source>&amp;Audit log…</source>
        <translation>&amp;Registro de auditoría…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="205"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="215"/>
        <source>&amp;Records</source>
        <translation>&amp;Expedientes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="246"/>
        <source>Re&amp;ports</source>
        <translation>&amp;Informes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="250"/>
        <source>S&amp;ync</source>
        <translation>&amp;Sincronización</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="253"/>
        <source>&amp;Admin</source>
        <translation>Ad&amp;ministración</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="257"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="263"/>
        <source>Main toolbar</source>
        <translation>Barra de herramientas principal</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="303"/>
        <source>Logged-in user</source>
        <translation>Usuario conectado</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="308"/>
        <source>Changes waiting to sync</source>
        <translation>Cambios pendientes de sincronizar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="311"/>
        <source>Overdue tasks</source>
        <translation>Tareas vencidas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="314"/>
        <source>Last backup</source>
        <translation>Última copia de seguridad</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="318"/>
        <source>Background task progress</source>
        <translation>Progreso de la tarea en segundo plano</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="322"/>
        <source>Sync state</source>
        <translation>Estado de la sincronización</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="326"/>
        <source>Sync progress</source>
        <translation>Progreso de la sincronización</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="332"/>
        <source>Sync activity</source>
        <translation>Actividad de sincronización</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="335"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="336"/>
        <source>Cancel sync</source>
        <translation>Cancelar la sincronización</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="337"/>
        <source>Stop the sync; nothing is lost</source>
        <translation>Detener la sincronización; no se pierde nada</translation>
    </message>
</context>
<context>
    <name>_PasswordFields</name>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="46"/>
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="47"/>
        <source>&amp;Repeat password</source>
        <translation>&amp;Repetir la contraseña</translation>
    </message>
</context>
<context>
    <name>_UserFormDialog</name>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="123"/>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
</context>
<context>
    <name>choice</name>
    <message>
        <location filename="../../desktop/domain/schema.py" line="604"/>
        <source>Goals met, needs addressed</source>
        <translation>Objetivos cumplidos, necesidades atendidas</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="605"/>
        <source>Referred to another service</source>
        <translation>Derivado a otro servicio</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="608"/>
        <source>Moved away</source>
        <translation>Se mudó</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="609"/>
        <source>No longer eligible</source>
        <translation>Ya no es elegible</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="610"/>
        <source>Declined further services</source>
        <translation>Rechazó más servicios</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="611"/>
        <source>Lost contact</source>
        <translation>Se perdió el contacto</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="612"/>
        <source>Deceased</source>
        <translation>Fallecido</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="613"/>
        <source>Other (say why in the note)</source>
        <translation>Otro (explíquelo en la nota)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="616"/>
        <source>Female</source>
        <translation>Femenino</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="617"/>
        <source>Male</source>
        <translation>Masculino</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="618"/>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="619"/>
        <source>Prefers not to say</source>
        <translation>Prefiere no decirlo</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="622"/>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="623"/>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="626"/>
        <source>Home visit</source>
        <translation>Visita domiciliaria</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="627"/>
        <source>Office</source>
        <translation>En la oficina</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="628"/>
        <source>Phone</source>
        <translation>Por teléfono</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="629"/>
        <source>Video</source>
        <translation>Videollamada</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="630"/>
        <source>Group</source>
        <translation>En grupo</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="633"/>
        <source>Open</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="635"/>
        <source>Dismissed</source>
        <translation>Descartada</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="638"/>
        <source>Waiting for an answer</source>
        <translation>Pendiente de respuesta</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="641"/>
        <source>Withdrawn</source>
        <translation>Retirada</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="644"/>
        <source>Session&apos;s follow-up</source>
        <translation>Seguimiento de la sesión</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="645"/>
        <source>Created by hand</source>
        <translation>Creada a mano</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="648"/>
        <source>Parent</source>
        <translation>Progenitor</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="649"/>
        <source>Child</source>
        <translation>Hijo/a</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="650"/>
        <source>Sibling</source>
        <translation>Hermano/a</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="651"/>
        <source>Spouse</source>
        <translation>Cónyuge</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="652"/>
        <source>Guardian</source>
        <translation>Tutor/a</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="653"/>
        <source>Other relative</source>
        <translation>Otro familiar</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="656"/>
        <source>Planned</source>
        <translation>Prevista</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="634"/>
        <location filename="../../desktop/domain/schema.py" line="657"/>
        <source>Done</source>
        <translation>Realizada</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="598"/>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="599"/>
        <location filename="../../desktop/domain/schema.py" line="639"/>
        <source>Accepted</source>
        <translation>Aceptada</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="600"/>
        <location filename="../../desktop/domain/schema.py" line="640"/>
        <source>Declined</source>
        <translation>Rechazada</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="601"/>
        <location filename="../../desktop/domain/schema.py" line="658"/>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="659"/>
        <source>No-show</source>
        <translation>No se presentó</translation>
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
        <translation>N.º de expediente</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="127"/>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="138"/>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="149"/>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="156"/>
        <source>Gender</source>
        <translation>Género</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="163"/>
        <source>ID number</source>
        <translation>Número de documento</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="168"/>
        <source>ID card or passport no.</source>
        <translation>DNI o n.º de pasaporte</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="173"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="183"/>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="192"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="200"/>
        <source>Preferred language</source>
        <translation>Idioma preferido</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="205"/>
        <source>e.g. ar, fr, Swahili</source>
        <translation>p. ej., ar, fr, suajili</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="210"/>
        <location filename="../../desktop/domain/schema.py" line="330"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="225"/>
        <source>Closure reason</source>
        <translation>Motivo del cierre</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="233"/>
        <source>Closure note</source>
        <translation>Nota de cierre</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="242"/>
        <location filename="../../desktop/domain/schema.py" line="487"/>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="250"/>
        <source>Consent date</source>
        <translation>Fecha del consentimiento</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="258"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="267"/>
        <location filename="../../desktop/domain/schema.py" line="297"/>
        <location filename="../../desktop/domain/schema.py" line="369"/>
        <location filename="../../desktop/domain/schema.py" line="467"/>
        <location filename="../../desktop/domain/schema.py" line="541"/>
        <source>Caseworker</source>
        <translation>Gestor de casos</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="275"/>
        <source>Merged into</source>
        <translation>Fusionado con</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="286"/>
        <source>Beneficiary</source>
        <translation>Beneficiario</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="301"/>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="305"/>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="310"/>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="315"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="323"/>
        <source>Location</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="338"/>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="346"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="354"/>
        <source>Follow-up date</source>
        <translation>Fecha de seguimiento</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="372"/>
        <source>Due</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="376"/>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="379"/>
        <source>e.g. Call about the housing application</source>
        <translation>p. ej., Llamar por la solicitud de vivienda</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="384"/>
        <source>Origin</source>
        <translation>Origen</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="393"/>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="400"/>
        <location filename="../../desktop/domain/schema.py" line="505"/>
        <location filename="../../desktop/domain/schema.py" line="577"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="409"/>
        <source>Done note</source>
        <translation>Nota de realización</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="417"/>
        <source>Dismissal reason</source>
        <translation>Motivo del descarte</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="434"/>
        <source>Household</source>
        <translation>Hogar</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="442"/>
        <source>Relationship</source>
        <translation>Parentesco</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="450"/>
        <source>Head of household</source>
        <translation>Cabeza de familia</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="473"/>
        <source>To organisation</source>
        <translation>Organización de destino</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="480"/>
        <source>Referral note</source>
        <translation>Nota de derivación</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="493"/>
        <source>Consent recorded</source>
        <translation>Consentimiento registrado</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="499"/>
        <source>Consent recorded by</source>
        <translation>Consentimiento registrado por</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="514"/>
        <source>Receiver&apos;s note</source>
        <translation>Nota del receptor</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="522"/>
        <source>Decided</source>
        <translation>Fecha de decisión</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="547"/>
        <source>To</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="561"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="569"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="586"/>
        <source>Decision note</source>
        <translation>Nota de la decisión</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/tabular.py" line="40"/>
        <source>Record ID</source>
        <translation>ID del registro</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <location filename="../../desktop/services/reports.py" line="396"/>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="398"/>
        <source>Caseworker</source>
        <translation>Gestor de casos</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="400"/>
        <source>registration date</source>
        <translation>fecha de registro</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="401"/>
        <source>session start</source>
        <translation>inicio de la sesión</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="411"/>
        <source>Active and closed cases</source>
        <translation>Expedientes activos y cerrados</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="414"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="415"/>
        <source>Cases</source>
        <translation>Expedientes</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="423"/>
        <source>New registrations per month</source>
        <translation>Nuevos registros por mes</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="425"/>
        <source>Registrations</source>
        <translation>Registros</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="431"/>
        <source>Sessions per month by kind</source>
        <translation>Sesiones por mes y tipo</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="435"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="436"/>
        <location filename="../../desktop/services/reports.py" line="446"/>
        <location filename="../../desktop/services/reports.py" line="543"/>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="444"/>
        <source>Sessions per caseworker</source>
        <translation>Sesiones por gestor de casos</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="452"/>
        <source>Overdue tasks per caseworker</source>
        <translation>Tareas vencidas por gestor de casos</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="454"/>
        <source>Overdue tasks</source>
        <translation>Tareas vencidas</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="456"/>
        <source>due date (before today)</source>
        <translation>fecha de vencimiento (antes de hoy)</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="461"/>
        <source>Beneficiaries by %1</source>
        <translation>Beneficiarios por %1</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="462"/>
        <source>Sessions by %1</source>
        <translation>Sesiones por %1</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="542"/>
        <source>Beneficiaries</source>
        <translation>Beneficiarios</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="613"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="613"/>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <location filename="../../desktop/ui/messages.py" line="22"/>
        <source>{label} is required.</source>
        <translation>{label}: este campo es obligatorio.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="23"/>
        <source>{label} must be text.</source>
        <translation>{label}: debe ser texto.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="24"/>
        <source>{label} contains a control character that cannot be stored.</source>
        <translation>{label}: contiene un carácter de control que no se puede guardar.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="27"/>
        <source>{label} must be at most {max} characters (it has {length}).</source>
        <translation>{label}: como máximo {max} caracteres (tiene {length}).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="30"/>
        <source>{label} must be one of: {choices}.</source>
        <translation>{label}: debe ser uno de estos valores: {choices}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="31"/>
        <source>{label} is not a valid date (use YYYY-MM-DD).</source>
        <translation>{label}: la fecha no es válida (use AAAA-MM-DD).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="32"/>
        <source>{label} is not a valid date and time.</source>
        <translation>{label}: la fecha y hora no son válidas.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="33"/>
        <source>{label} must be yes or no.</source>
        <translation>{label}: debe ser sí o no.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="34"/>
        <source>{label} must be a whole number.</source>
        <translation>{label}: debe ser un número entero.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="35"/>
        <source>{label} must be between {low} and {high}.</source>
        <translation>{label}: debe estar entre {low} y {high}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="36"/>
        <source>{field} is not a field that can be changed here.</source>
        <translation>{field} no es un campo que se pueda modificar aquí.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="39"/>
        <source>{label} cannot be in the future.</source>
        <translation>{label}: no puede ser una fecha futura.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="40"/>
        <source>{label} is not plausible (more than {years} years ago).</source>
        <translation>{label}: no es verosímil (hace más de {years} años).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="43"/>
        <source>{label} must be {min} to {max} digits, optionally with +, spaces, dashes or brackets.</source>
        <translation>{label}: debe tener de {min} a {max} dígitos, con +, espacios, guiones o paréntesis opcionales.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="47"/>
        <source>{label} is not a valid address (name@example.org).</source>
        <translation>{label}: la dirección no es válida (nombre@ejemplo.org).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="50"/>
        <source>{label} must be a language name or code (e.g. ar, fr-CA).</source>
        <translation>{label}: indique el nombre o el código de un idioma (p. ej., ar, fr-CA).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="53"/>
        <source>{label} is set but consent is not given.</source>
        <translation>{label}: tiene valor, pero no se ha dado el consentimiento.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="56"/>
        <source>{label} is required to close a case.</source>
        <translation>{label}: obligatorio para cerrar un caso.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="59"/>
        <source>{label} is required when the reason is Other.</source>
        <translation>{label}: obligatorio cuando el motivo es «Otro».</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="62"/>
        <source>{label} is not a plausible date ({first_year} to {years} years ahead).</source>
        <translation>{label}: la fecha no es verosímil (de {first_year} a dentro de {years} años).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="65"/>
        <source>A session that has not started yet cannot be done or a no-show.</source>
        <translation>Una sesión que aún no ha empezado no puede estar realizada ni marcada como «no se presentó».</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="68"/>
        <source>{label} cannot be before the session.</source>
        <translation>{label}: no puede ser anterior a la sesión.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="71"/>
        <source>{label} may use letters, digits and . _ - @ ({min} to {max} characters).</source>
        <translation>{label}: solo letras, dígitos y . _ - @ (de {min} a {max} caracteres).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="74"/>
        <source>The username {username} is already taken.</source>
        <translation>El nombre de usuario {username} ya está en uso.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="75"/>
        <source>{label} must be at least {min} characters.</source>
        <translation>{label}: debe tener al menos {min} caracteres.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="78"/>
        <source>{label} must be at most {max} characters.</source>
        <translation>{label}: como máximo {max} caracteres.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="81"/>
        <source>{label} contains a character that cannot be used.</source>
        <translation>{label}: contiene un carácter que no se puede usar.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="84"/>
        <source>This password is too common; choose another.</source>
        <translation>Esta contraseña es demasiado común; elija otra.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="87"/>
        <source>{label} must not be the username.</source>
        <translation>{label}: no puede ser el nombre de usuario.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="88"/>
        <source>Current password is wrong.</source>
        <translation>La contraseña actual no es correcta.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="89"/>
        <source>{label} is not an active user.</source>
        <translation>{label}: no es un usuario activo.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="91"/>
        <source>{label} must be a number.</source>
        <translation>{label}: debe ser un número.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="92"/>
        <source>{label} must be at least {min}.</source>
        <translation>{label}: debe ser como mínimo {min}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="93"/>
        <source>{label} must be at most {max}.</source>
        <translation>{label}: debe ser como máximo {max}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="94"/>
        <source>{label} is not in the expected format.</source>
        <translation>{label}: no tiene el formato esperado.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="95"/>
        <source>{label} lists the same choice twice.</source>
        <translation>{label}: contiene la misma opción dos veces.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="96"/>
        <source>{label} is retired: its value can no longer be changed.</source>
        <translation>{label}: el campo está retirado; su valor ya no se puede modificar.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="99"/>
        <source>{label} must map field keys to values.</source>
        <translation>{label}: debe asociar claves de campo a valores.</translation>
    </message>
</context>
</TS>
