<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AddMemberDialog</name>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="296"/>
        <source>Add to the household of %1</source>
        <translation>Ajouter au ménage de %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="301"/>
        <source>Name or case number</source>
        <translation>Nom ou n° de dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="305"/>
        <source>Beneficiaries found</source>
        <translation>Bénéficiaires trouvés</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="311"/>
        <source>&amp;Find:</source>
        <translation>&amp;Rechercher&#xa0;:</translation>
    </message>
</context>
<context>
    <name>AuditLogWindow</name>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="118"/>
        <source>Audit log</source>
        <translation>Journal d’audit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="127"/>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="128"/>
        <source>Anyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="133"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="134"/>
        <source>Any action</source>
        <translation>Toutes les actions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="139"/>
        <source>Case number</source>
        <translation>N° de dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="140"/>
        <source>Case no.</source>
        <translation>N° de dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="144"/>
        <location filename="../../desktop/ui/audit_log.py" line="197"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="147"/>
        <location filename="../../desktop/ui/audit_log.py" line="197"/>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="148"/>
        <source>&amp;Show</source>
        <translation>Affic&amp;her</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="152"/>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="160"/>
        <source>&amp;User</source>
        <translation>&amp;Utilisateur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="161"/>
        <source>&amp;Action</source>
        <translation>A&amp;ction</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="162"/>
        <source>&amp;Record</source>
        <translation>&amp;Fiche</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="163"/>
        <source>&amp;From</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="164"/>
        <source>&amp;To</source>
        <translation>&amp;Au</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="173"/>
        <source>Audit events</source>
        <translation>Événements d’audit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="200"/>
        <source>%1: not a date.</source>
        <translation>%1&#xa0;: date non valide.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="205"/>
        <source>The date range starts after it ends.</source>
        <translation>La période commence après sa fin.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="226"/>
        <source>Reading the log…</source>
        <translation>Lecture du journal…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="246"/>
        <source>No event matches these filters.</source>
        <translation>Aucun événement ne correspond à ces filtres.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="248"/>
        <source>Events: %1</source>
        <translation>Événements&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="251"/>
        <source>The newest %1 events; scroll for older ones.</source>
        <translation>Les %1 événements les plus récents&#xa0;; faites défiler pour voir les plus anciens.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="263"/>
        <source>Export the audit log</source>
        <translation>Exporter le journal d’audit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="266"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="266"/>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="298"/>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="303"/>
        <source>Exporting… %1 events</source>
        <translation>Exportation… %1 événements</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_log.py" line="315"/>
        <source>Events saved to %1: %2</source>
        <translation>Événements enregistrés dans %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="36"/>
        <source>When</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="37"/>
        <source>Who</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="38"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="39"/>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="40"/>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="44"/>
        <source>Created</source>
        <translation>Création</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="45"/>
        <source>Changed</source>
        <translation>Modification</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="46"/>
        <source>Case closed</source>
        <translation>Dossier clôturé</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="47"/>
        <source>Case reopened</source>
        <translation>Dossier rouvert</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="48"/>
        <source>Reassigned</source>
        <translation>Réaffectation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="49"/>
        <source>Deleted</source>
        <translation>Suppression</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="50"/>
        <source>Imported</source>
        <translation>Importation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="51"/>
        <source>Received from the server</source>
        <translation>Reçu du serveur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="52"/>
        <source>Changed on the server</source>
        <translation>Modifié sur le serveur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="53"/>
        <source>Sync conflict resolved</source>
        <translation>Conflit de synchronisation résolu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="54"/>
        <source>Deleted on the server</source>
        <translation>Supprimé sur le serveur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="55"/>
        <source>Left this laptop&apos;s caseload</source>
        <translation>Sorti des dossiers de cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="56"/>
        <source>Report run or exported</source>
        <translation>Rapport calculé ou exporté</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="57"/>
        <source>Exported</source>
        <translation>Exporté</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="60"/>
        <source>Beneficiary</source>
        <translation>Bénéficiaire</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="61"/>
        <source>Session</source>
        <translation>Entretien</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="62"/>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="63"/>
        <source>Household member</source>
        <translation>Membre du ménage</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="64"/>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/audit_table.py" line="65"/>
        <source>Audit log</source>
        <translation>Journal d’audit</translation>
    </message>
</context>
<context>
    <name>BackgroundSync</name>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="115"/>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="135"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="141"/>
        <source>Sending %1 of %2</source>
        <translation>Envoi de %1 sur %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="141"/>
        <source>Receiving %1 of %2</source>
        <translation>Réception de %1 sur %2</translation>
    </message>
</context>
<context>
    <name>BeneficiaryDetail</name>
    <message>
        <location filename="../../desktop/ui/detail.py" line="81"/>
        <source>Beneficiary detail</source>
        <translation>Fiche du bénéficiaire</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="89"/>
        <source>Select a beneficiary in the list, or press Ctrl+N to register one.</source>
        <translation>Sélectionnez un bénéficiaire dans la liste ou appuyez sur Ctrl+N pour en enregistrer un nouveau.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="163"/>
        <location filename="../../desktop/ui/printing.py" line="164"/>
        <source>Next follow-up</source>
        <translation>Prochain suivi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="164"/>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="215"/>
        <source>Sessions timeline</source>
        <translation>Chronologie des entretiens</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="227"/>
        <source>Sessions</source>
        <translation>Entretiens</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="231"/>
        <source>Case timeline</source>
        <translation>Chronologie du dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="239"/>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="242"/>
        <location filename="../../desktop/ui/detail.py" line="243"/>
        <source>Follow-ups</source>
        <translation>Suivis</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="245"/>
        <location filename="../../desktop/ui/detail.py" line="489"/>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="249"/>
        <location filename="../../desktop/ui/detail.py" line="250"/>
        <source>Referrals</source>
        <translation>Orientations</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="254"/>
        <location filename="../../desktop/ui/detail.py" line="262"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="280"/>
        <source>synced</source>
        <translation>synchronisé</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="281"/>
        <source>waiting to sync</source>
        <translation>en attente de synchronisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="282"/>
        <source>uploading</source>
        <translation>envoi en cours</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="283"/>
        <source>sync error</source>
        <translation>erreur de synchronisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="284"/>
        <source>conflict: a supervisor must resolve it</source>
        <translation>conflit&#xa0;: un superviseur doit le résoudre</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="397"/>
        <source>done</source>
        <translation>réalisé</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="399"/>
        <source>dismissed</source>
        <translation>sans suite</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="411"/>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2)&#xa0;: %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="412"/>
        <source>Session&apos;s follow-up</source>
        <translation>Suivi de l’entretien</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="470"/>
        <source>Incomplete: the form now also asks for %1</source>
        <translation>Incomplet&#xa0;: le formulaire demande désormais aussi %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/detail.py" line="489"/>
        <location filename="../../desktop/ui/printing.py" line="232"/>
        <source>Household (%n)</source>
        <translation>
            <numerusform>Ménage (%n)</numerusform>
            <numerusform>Ménage (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/detail.py" line="494"/>
        <source>Referrals (%n)</source>
        <translation>
            <numerusform>Orientations (%n)</numerusform>
            <numerusform>Orientations (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="496"/>
        <source>Not referred to another organisation.</source>
        <translation>Pas d’orientation vers une autre organisation.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="536"/>
        <source>Transfer pending from %1 to %2 (since %3): %4</source>
        <translation>Transfert en attente de %1 à %2 (depuis %3)&#xa0;: %4</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="589"/>
        <source>given %s</source>
        <translation>donné le %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="588"/>
        <source>not given</source>
        <translation>non donné</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="460"/>
        <source>From the server, outside this laptop&apos;s rules (correct when you can): %1</source>
        <translation>Reçu du serveur, hors des règles de cet ordinateur (à corriger dès que possible)&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/detail.py" line="480"/>
        <location filename="../../desktop/ui/printing.py" line="200"/>
        <source>Sessions (%n)</source>
        <translation>
            <numerusform>Entretiens (%n)</numerusform>
            <numerusform>Entretiens (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="402"/>
        <source>overdue</source>
        <translation>en retard</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="403"/>
        <source>due today</source>
        <translation>à faire aujourd’hui</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="404"/>
        <source>upcoming</source>
        <translation>à venir</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="407"/>
        <source>%1 (%2), asked for in the session of %3</source>
        <translation>%1 (%2), demandé lors de l’entretien du %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="483"/>
        <source>No follow-ups asked for.</source>
        <translation>Aucun suivi demandé.</translation>
    </message>
</context>
<context>
    <name>BeneficiaryForm</name>
    <message>
        <location filename="../../desktop/ui/forms.py" line="671"/>
        <source>The beneficiary consented to data processing</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>A consenti au traitement de ses données</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="646"/>
        <source>New beneficiary</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Nouveau bénéficiaire</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="648"/>
        <source>Edit beneficiary %s</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Modifier le bénéficiaire %s</translation>
    </message>
</context>
<context>
    <name>BeneficiaryTableModel</name>
    <message>
        <location filename="../../desktop/ui/models/beneficiary_table.py" line="79"/>
        <source>Next follow-up</source>
        <translation>Prochain suivi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/beneficiary_table.py" line="80"/>
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/beneficiary_table.py" line="566"/>
        <source>Sync problem: %s</source>
        <translation>Problème de synchronisation&#xa0;: %s</translation>
    </message>
</context>
<context>
    <name>BrandHeader</name>
    <message>
        <location filename="../../desktop/ui/login.py" line="54"/>
        <source>Caseload logo</source>
        <translation>Logo de Caseload</translation>
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
        <translation>Traitement en cours</translation>
    </message>
</context>
<context>
    <name>CaseSessionForm</name>
    <message>
        <location filename="../../desktop/ui/session_form.py" line="71"/>
        <source>Choose the session&apos;s %1.</source>
        <translation>Choisissez le %1 de l’entretien.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_form.py" line="72"/>
        <source>kind</source>
        <translation>type</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_form.py" line="72"/>
        <source>status</source>
        <translation>statut</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_form.py" line="85"/>
        <source>No summary</source>
        <translation>Pas de résumé</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_form.py" line="86"/>
        <source>This session is marked done but has no summary. Save it anyway?</source>
        <translation>Cet entretien est marqué comme réalisé mais n’a pas de résumé. L’enregistrer quand même&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_form.py" line="87"/>
        <source>&amp;Save without summary</source>
        <translation>&amp;Enregistrer sans résumé</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_form.py" line="88"/>
        <source>&amp;Write a summary</source>
        <translation>É&amp;crire un résumé</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_form.py" line="35"/>
        <source>New session with %s</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Nouvel entretien avec %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_form.py" line="37"/>
        <source>Edit session with %s</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Modifier l’entretien avec %s</translation>
    </message>
</context>
<context>
    <name>CaseSessionTableModel</name>
    <message>
        <location filename="../../desktop/ui/models/case_session_table.py" line="36"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/case_session_table.py" line="37"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/case_session_table.py" line="38"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/case_session_table.py" line="39"/>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/case_session_table.py" line="40"/>
        <source>Location</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/case_session_table.py" line="41"/>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/case_session_table.py" line="42"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
</context>
<context>
    <name>CaseloadPanel</name>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="74"/>
        <source>Search name or case number (Ctrl+F)</source>
        <translation>Rechercher un nom ou un n° de dossier (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="75"/>
        <source>Search beneficiaries</source>
        <translation>Rechercher des bénéficiaires</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="82"/>
        <source>Status filter</source>
        <translation>Filtre par statut</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="83"/>
        <source>Active and closed</source>
        <translation>Actifs et clôturés</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="84"/>
        <source>Active</source>
        <translation>Actifs</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="85"/>
        <source>Closed</source>
        <translation>Clôturés</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="89"/>
        <source>Caseworker filter</source>
        <translation>Filtre par gestionnaire de cas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="90"/>
        <location filename="../../desktop/ui/caseload.py" line="175"/>
        <source>All caseworkers</source>
        <translation>Tous les gestionnaires de cas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="94"/>
        <source>Follow-up filter</source>
        <translation>Filtre par suivi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="95"/>
        <source>Any follow-up</source>
        <translation>Tous les suivis</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="96"/>
        <source>Follow-up due today</source>
        <translation>Suivi prévu aujourd’hui</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="97"/>
        <source>Follow-up due in 7 days</source>
        <translation>Suivi prévu sous 7 jours</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="111"/>
        <source>Number of beneficiaries shown</source>
        <translation>Nombre de bénéficiaires affichés</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="116"/>
        <source>Caseload</source>
        <translation>Liste des dossiers</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="198"/>
        <source>%1 filter</source>
        <translation>Filtre «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="200"/>
        <source>%1: all</source>
        <translation>%1&#xa0;: tous</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="203"/>
        <source>%1: yes</source>
        <translation>%1&#xa0;: oui</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="204"/>
        <source>%1: no</source>
        <translation>%1&#xa0;: non</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="209"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="417"/>
        <source>more than %1 of %2</source>
        <translation>plus de %1 sur %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/caseload.py" line="422"/>
        <source>%Ln beneficiaries</source>
        <translation>
            <numerusform>%Ln bénéficiaire</numerusform>
            <numerusform>%Ln bénéficiaires</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/caseload.py" line="425"/>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="33"/>
        <source>Change my password</source>
        <translation>Changer mon mot de passe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="40"/>
        <source>Your records stay as they are; only the password that opens them changes. Use at least 8 characters; a few unrelated words are easy to remember.</source>
        <translation>Vos fiches restent telles quelles&#xa0;; seul le mot de passe qui les ouvre change. Utilisez au moins 8 caractères&#xa0;; quelques mots sans rapport entre eux se retiennent facilement.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="51"/>
        <source>&amp;Current password</source>
        <translation>Mot de passe &amp;actuel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="51"/>
        <source>Current password</source>
        <translation>Mot de passe actuel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="52"/>
        <source>&amp;New password</source>
        <translation>&amp;Nouveau mot de passe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="52"/>
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="53"/>
        <source>&amp;Repeat new password</source>
        <translation>&amp;Répéter le nouveau mot de passe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="53"/>
        <source>Repeat new password</source>
        <translation>Répéter le nouveau mot de passe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="70"/>
        <location filename="../../desktop/ui/password_dialog.py" line="114"/>
        <source>C&amp;hange password</source>
        <translation>C&amp;hanger le mot de passe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="92"/>
        <source>Enter your current password.</source>
        <translation>Saisissez votre mot de passe actuel.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="95"/>
        <source>The two new passwords are not the same.</source>
        <translation>Les deux nouveaux mots de passe ne sont pas identiques.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="98"/>
        <source>The new password is the same as the current one.</source>
        <translation>Le nouveau mot de passe est identique à l’actuel.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="114"/>
        <source>Changing…</source>
        <translation>Modification…</translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <location filename="../../desktop/ui/close_dialog.py" line="33"/>
        <source>Close case</source>
        <translation>Clôturer le dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/close_dialog.py" line="37"/>
        <source>Why is the case of %1 (%2) being closed? It can be reopened later.</source>
        <translation>Pourquoi le dossier de %1 (%2) est-il clôturé&#x202f;? Il pourra être rouvert plus tard.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/close_dialog.py" line="47"/>
        <source>Closure reason</source>
        <translation>Motif de clôture</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/close_dialog.py" line="48"/>
        <source>Choose a reason…</source>
        <translation>Choisissez un motif…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/close_dialog.py" line="51"/>
        <source>&amp;Reason *</source>
        <translation>&amp;Motif *</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/close_dialog.py" line="54"/>
        <source>Closure note</source>
        <translation>Note de clôture</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/close_dialog.py" line="57"/>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/close_dialog.py" line="65"/>
        <source>&amp;Close case</source>
        <translation>&amp;Clôturer</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../desktop/ui/errors.py" line="71"/>
        <source>Caseload: unexpected error</source>
        <translation>Caseload&#xa0;: erreur inattendue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="77"/>
        <source>Something went wrong that Caseload did not expect. Your saved records are safe. The details below are also in the log file; please send them to your support contact.</source>
        <translation>Caseload a rencontré une erreur inattendue. Vos données enregistrées sont intactes. Les détails ci-dessous figurent aussi dans le fichier journal&#xa0;; veuillez les transmettre à votre contact d’assistance.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="86"/>
        <source>Error report</source>
        <translation>Rapport d’erreur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="90"/>
        <location filename="../../desktop/ui/errors.py" line="91"/>
        <source>Copy report</source>
        <translation>Copier le rapport</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="99"/>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
</context>
<context>
    <name>CustomFields</name>
    <message>
        <location filename="../../desktop/ui/custom_fields.py" line="108"/>
        <source>Written with a newer form than this laptop has: kept as it is until a sync brings that form.</source>
        <translation>Saisi avec une version du formulaire plus récente que celle de cet ordinateur&#xa0;: conservé tel quel jusqu’à ce qu’une synchronisation apporte ce formulaire.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/custom_fields.py" line="113"/>
        <source>The field has changed kind since this was written: kept as it was, not editable.</source>
        <translation>Le type du champ a changé depuis cette saisie&#xa0;: valeur conservée telle quelle, non modifiable.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/custom_fields.py" line="117"/>
        <source>This choice is no longer offered: kept as it was, not editable.</source>
        <translation>Ce choix n’est plus proposé&#xa0;: valeur conservée telle quelle, non modifiable.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/custom_fields.py" line="120"/>
        <source>This field is retired: its value is kept and cannot change.</source>
        <translation>Ce champ est retiré&#xa0;: sa valeur est conservée et ne peut plus être modifiée.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/custom_fields.py" line="378"/>
        <source>(not recorded)</source>
        <translation>(non renseigné)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/custom_fields.py" line="382"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/custom_fields.py" line="393"/>
        <source>%1 to %2</source>
        <translation>de %1 à %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/custom_fields.py" line="399"/>
        <source>at least %1</source>
        <translation>au moins %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/custom_fields.py" line="403"/>
        <source>at most %1</source>
        <translation>au plus %1</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="62"/>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="74"/>
        <location filename="../../desktop/ui/dashboard.py" line="183"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="78"/>
        <location filename="../../desktop/ui/dashboard.py" line="183"/>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="82"/>
        <source>Caseworker</source>
        <translation>Gestionnaire de cas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="83"/>
        <source>All caseworkers</source>
        <translation>Tous les gestionnaires de cas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="86"/>
        <source>&amp;Show</source>
        <translation>Affic&amp;her</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="90"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="95"/>
        <source>Reports progress</source>
        <translation>Progression des rapports</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="104"/>
        <source>&amp;From</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="105"/>
        <source>&amp;To</source>
        <translation>&amp;Au</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="106"/>
        <source>Case&amp;worker</source>
        <translation>&amp;Gestionnaire de cas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="117"/>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="139"/>
        <source>Report table</source>
        <translation>Tableau du rapport</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="145"/>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="187"/>
        <source>%1: not a date.</source>
        <translation>%1&#xa0;: date non valide.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="215"/>
        <source>Counting…</source>
        <translation>Calcul en cours…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="241"/>
        <source>Reports counted: %1</source>
        <translation>Rapports calculés&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="250"/>
        <source>Stopped; the counts shown are the earlier ones.</source>
        <translation>Arrêté&#xa0;; les chiffres affichés sont les précédents.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="266"/>
        <source>The date range applies to the %1. Counted: %2</source>
        <translation>La période porte sur&#xa0;: %1. Total&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="272"/>
        <source>Nothing to count.</source>
        <translation>Rien à compter.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="285"/>
        <source>Export the report</source>
        <translation>Exporter le rapport</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="288"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="288"/>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="326"/>
        <source>Saved %1.</source>
        <translation>%1 enregistré.</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../desktop/ui/widgets.py" line="98"/>
        <source>e.g. %1</source>
        <translation>p. ex. %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets.py" line="100"/>
        <source>Type the date as %1 or 1990-12-31, or press Alt+Down to pick it.</source>
        <translation>Saisissez la date sous la forme %1 ou 1990-12-31, ou appuyez sur Alt+Bas pour la choisir.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets.py" line="109"/>
        <source>Pick a date</source>
        <translation>Choisir une date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets.py" line="110"/>
        <source>Pick a date from a calendar (Alt+Down)</source>
        <translation>Choisir une date dans un calendrier (Alt+Bas)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets.py" line="174"/>
        <source>Calendar</source>
        <translation>Calendrier</translation>
    </message>
</context>
<context>
    <name>DuplicateScanWindow</name>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="41"/>
        <source>Possible duplicates</source>
        <translation>Doublons possibles</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="50"/>
        <source>Records across the caseload that may be one person registered twice, most likely first. Merge a pair to keep one record with the sessions and tasks of both.</source>
        <translation>Fiches de l’ensemble des dossiers qui pourraient correspondre à une même personne enregistrée deux fois, les plus probables en premier. Fusionnez une paire pour ne garder qu’une fiche, avec les entretiens et les tâches des deux.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="60"/>
        <source>Scan progress</source>
        <translation>Progression de la recherche</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="67"/>
        <source>Possible duplicate pairs</source>
        <translation>Paires de doublons possibles</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="70"/>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="72"/>
        <source>Case number</source>
        <translation>N° de dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="71"/>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="73"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="74"/>
        <source>Born</source>
        <translation>Naissance</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="75"/>
        <source>Caseworkers</source>
        <translation>Gestionnaires de cas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="76"/>
        <source>Why</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="90"/>
        <source>&amp;Scan again</source>
        <translation>&amp;Relancer la recherche</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="92"/>
        <source>&amp;Merge…</source>
        <translation>F&amp;usionner…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="94"/>
        <source>S&amp;top</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="96"/>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="128"/>
        <source>Scanning…</source>
        <translation>Recherche en cours…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="142"/>
        <source>Stopping…</source>
        <translation>Arrêt en cours…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="160"/>
        <source>The scan was stopped.</source>
        <translation>La recherche a été arrêtée.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="164"/>
        <source>The scan failed.</source>
        <translation>La recherche a échoué.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicate_scan_window.py" line="187"/>
        <source>%1 possible pair(s).</source>
        <translation>%1 paire(s) possible(s).</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="55"/>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="83"/>
        <source>Possible duplicates</source>
        <translation>Doublons possibles</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="64"/>
        <source>This person may already be registered. Open the existing record instead of registering them twice, or register them anyway if this is someone else.</source>
        <translation>Cette personne est peut-être déjà enregistrée. Ouvrez la fiche existante plutôt que de l’enregistrer deux fois, ou enregistrez-la quand même s’il s’agit de quelqu’un d’autre.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="76"/>
        <source>Case number</source>
        <translation>N° de dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="77"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="78"/>
        <source>Born</source>
        <translation>Naissance</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="79"/>
        <source>Caseworker</source>
        <translation>Gestionnaire de cas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="80"/>
        <source>Why</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="103"/>
        <source>(another caseload)</source>
        <translation>(dossier d’un collègue)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="116"/>
        <source>Ask a supervisor: you may not open another caseload&apos;s records.</source>
        <translation>Demandez à un superviseur&#xa0;: vous ne pouvez pas ouvrir les dossiers de vos collègues.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="123"/>
        <source>&amp;Open selected</source>
        <translation>&amp;Ouvrir la sélection</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="125"/>
        <source>&amp;Register anyway</source>
        <translation>&amp;Enregistrer quand même</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="127"/>
        <source>Go &amp;back</source>
        <translation>&amp;Retour</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="132"/>
        <source>&amp;Merge the two selected…</source>
        <translation>&amp;Fusionner les deux sélectionnées…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="158"/>
        <source>same name</source>
        <translation>même nom</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="159"/>
        <source>similar name</source>
        <translation>nom proche</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="160"/>
        <source>same date of birth</source>
        <translation>même date de naissance</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="161"/>
        <source>same phone number</source>
        <translation>même numéro de téléphone</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="168"/>
        <source>same %1</source>
        <translation>même %1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="71"/>
        <source>Export records</source>
        <translation>Exporter des fiches</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="82"/>
        <source>&lt;b&gt;This file will hold personal data&lt;/b&gt; about the people in your caseload: names, dates of birth, contact details and notes. Anyone who has the file can read them. Keep it only where it needs to be, delete it when you are done, and protect it with a password if it leaves this laptop.</source>
        <translation>&lt;b&gt;Ce fichier contiendra des données personnelles&lt;/b&gt; sur les personnes que vous suivez&#xa0;: noms, dates de naissance, coordonnées et notes. Toute personne qui possède le fichier peut les lire. Ne le conservez que là où il est nécessaire, supprimez-le quand vous avez terminé et protégez-le par un mot de passe s’il quitte cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="96"/>
        <source>Personal data warning</source>
        <translation>Avertissement sur les données personnelles</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="106"/>
        <source>The &amp;whole office</source>
        <translation>&amp;Tout le bureau</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="108"/>
        <source>My &amp;whole caseload</source>
        <translation>&amp;Tous mes dossiers</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="111"/>
        <source>The list as &amp;filtered now (records listed: %1)</source>
        <translation>La liste &amp;filtrée actuelle (fiches listées&#xa0;: %1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="115"/>
        <source>The list as &amp;filtered now</source>
        <translation>La liste &amp;filtrée actuelle</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="125"/>
        <source>Records:</source>
        <translation>Fiches&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="131"/>
        <source>&amp;Beneficiaries</source>
        <translation>&amp;Bénéficiaires</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="132"/>
        <source>&amp;Sessions</source>
        <translation>E&amp;ntretiens</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="133"/>
        <source>Tasks</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="141"/>
        <source>Not available yet: this version has no tasks.</source>
        <translation>Pas encore disponible&#xa0;: cette version ne gère pas les tâches.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="147"/>
        <source>What:</source>
        <translation>Contenu&#xa0;:</translation>
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
        <translation>Format&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="168"/>
        <source>As &amp;labels, as the app shows them</source>
        <translation>Avec les &amp;libellés, tels que l’application les affiche</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="171"/>
        <source>As stored &amp;values (for another program or a re-import)</source>
        <translation>Avec les &amp;valeurs enregistrées (pour un autre programme ou une réimportation)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="178"/>
        <source>Choices:</source>
        <translation>Options&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="181"/>
        <source>&amp;Protect the file with a password</source>
        <translation>&amp;Protéger le fichier par un mot de passe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="189"/>
        <source>File password</source>
        <translation>Mot de passe du fichier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="191"/>
        <source>P&amp;assword:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="197"/>
        <source>Repeat the file password</source>
        <translation>Répétez le mot de passe du fichier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="199"/>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Répéter le mot de passe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="204"/>
        <source>Excel and LibreOffice ask for the password when the file is opened. Give it to the recipient another way than the file (by phone, not in the same e-mail). CSV files cannot be protected.</source>
        <translation>Excel et LibreOffice demandent le mot de passe à l’ouverture du fichier. Transmettez-le au destinataire par un autre moyen que le fichier (par téléphone, pas dans le même e-mail). Les fichiers CSV ne peuvent pas être protégés.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="218"/>
        <source>File to write</source>
        <translation>Fichier à écrire</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="221"/>
        <source>Br&amp;owse…</source>
        <translation>Parc&amp;ourir…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="226"/>
        <source>F&amp;ile:</source>
        <translation>F&amp;ichier&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="233"/>
        <source>Export progress</source>
        <translation>Progression de l’exportation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="246"/>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="332"/>
        <source>ZIP of CSV files (*.zip)</source>
        <translation>ZIP de fichiers CSV (*.zip)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="334"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="336"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="338"/>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="355"/>
        <source>What: choose beneficiaries, sessions or both.</source>
        <translation>Contenu&#xa0;: choisissez les bénéficiaires, les entretiens ou les deux.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="363"/>
        <source>Password: enter the password the file will open with.</source>
        <translation>Mot de passe&#xa0;: saisissez le mot de passe qui ouvrira le fichier.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="367"/>
        <source>Password: use at least 8 characters.</source>
        <translation>Mot de passe&#xa0;: utilisez au moins 8 caractères.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="371"/>
        <source>Repeat password: the two passwords are not the same.</source>
        <translation>Répéter le mot de passe&#xa0;: les deux mots de passe ne sont pas identiques.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="376"/>
        <source>File: choose where to write the export.</source>
        <translation>Fichier&#xa0;: choisissez où écrire l’exportation.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="382"/>
        <source>File: the name must end in %1 for this format.</source>
        <translation>Fichier&#xa0;: le nom doit se terminer par %1 pour ce format.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="389"/>
        <source>File: the folder %1 does not exist.</source>
        <translation>Fichier&#xa0;: le dossier %1 n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="393"/>
        <source>File: %1 is a folder.</source>
        <translation>Fichier&#xa0;: %1 est un dossier.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="435"/>
        <source>Replace the file?</source>
        <translation>Remplacer le fichier&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="436"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 existe déjà. Le remplacer&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="472"/>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="473"/>
        <source>&amp;Stop export</source>
        <translation>&amp;Arrêter l’exportation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="473"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="479"/>
        <source>Finishing the file…</source>
        <translation>Finalisation du fichier…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="482"/>
        <source>Exported %1 of %2 rows…</source>
        <translation>%1 lignes exportées sur %2…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="492"/>
        <source>Stopping…</source>
        <translation>Arrêt en cours…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="509"/>
        <source>The export was stopped; no file was written.</source>
        <translation>L’exportation a été arrêtée&#xa0;; aucun fichier n’a été écrit.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="526"/>
        <source>Export written: %1 (rows: %2).</source>
        <translation>Exportation enregistrée&#xa0;: %1 (lignes&#xa0;: %2).</translation>
    </message>
</context>
<context>
    <name>FieldValue</name>
    <message>
        <location filename="../../desktop/ui/fields.py" line="60"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fields.py" line="62"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fields.py" line="200"/>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
</context>
<context>
    <name>FormsAdminDialog</name>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="77"/>
        <source>Forms</source>
        <translation>Formulaires</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="100"/>
        <source>T&amp;itle</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="106"/>
        <source>The languages the labels are written in, the first one the default</source>
        <translation>Les langues dans lesquelles les libellés sont rédigés, la première étant la langue par défaut</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="109"/>
        <source>&amp;Languages</source>
        <translation>&amp;Langues</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="120"/>
        <source>&amp;Beneficiary</source>
        <translation>&amp;Bénéficiaire</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="121"/>
        <source>Se&amp;ssion</source>
        <translation>&amp;Entretien</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="128"/>
        <source>Problems in the definition</source>
        <translation>Problèmes dans la définition</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="135"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="138"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="140"/>
        <source>Save &amp;draft</source>
        <translation>Enregistrer le bro&amp;uillon</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="141"/>
        <source>&amp;Publish…</source>
        <translation>&amp;Publier…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="142"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="222"/>
        <source>Published: version %1. You are editing the draft of version %2.</source>
        <translation>Version publiée&#xa0;: %1. Vous modifiez le brouillon de la version %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="226"/>
        <source>Nothing published yet. You are editing the draft of version 1.</source>
        <translation>Rien n’a encore été publié. Vous modifiez le brouillon de la version 1.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="229"/>
        <source>(unsaved changes)</source>
        <translation>(modifications non enregistrées)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="231"/>
        <source>Correct the problems listed below to save or publish.</source>
        <translation>Corrigez les problèmes indiqués ci-dessous pour enregistrer ou publier.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="240"/>
        <source>Form definitions (*.json)</source>
        <translation>Définitions de formulaire (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="240"/>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="257"/>
        <source>Import a form definition</source>
        <translation>Importer une définition de formulaire</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/forms_admin.py" line="273"/>
        <source>%1 was not imported: it has %n problem(s).</source>
        <translation>
            <numerusform>Le fichier %1 n’a pas été importé&#xa0;: il comporte %n problème.</numerusform>
            <numerusform>Le fichier %1 n’a pas été importé&#xa0;: il comporte %n problèmes.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="291"/>
        <source>Export the form definition</source>
        <translation>Exporter la définition du formulaire</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="299"/>
        <source>Exported to %1.</source>
        <translation>Exporté vers %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="312"/>
        <source>Draft saved.</source>
        <translation>Brouillon enregistré.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="321"/>
        <source>Publish the form</source>
        <translation>Publier le formulaire</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="323"/>
        <source>Publish this form as version %1? Every laptop of the organisation gets it at its next sync. A published field can later be retired, never removed.</source>
        <translation>Publier ce formulaire en version %1&#xa0;? Chaque ordinateur de l’organisation le recevra à sa prochaine synchronisation. Un champ publié pourra ensuite être retiré, mais jamais supprimé.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="326"/>
        <source>&amp;Publish version %1</source>
        <translation>&amp;Publier la version %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="343"/>
        <source>Version %1 published.</source>
        <translation>Version %1 publiée.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="376"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms_admin.py" line="377"/>
        <source>Close without saving the draft?</source>
        <translation>Fermer sans enregistrer le brouillon&#xa0;?</translation>
    </message>
</context>
<context>
    <name>HouseholdPanel</name>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="79"/>
        <source>Household members</source>
        <translation>Membres du ménage</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="86"/>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="87"/>
        <source>&amp;Add existing…</source>
        <translation>&amp;Ajouter un membre existant…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="89"/>
        <source>Register a &amp;new member…</source>
        <translation>Enregistrer un &amp;nouveau membre…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="92"/>
        <source>Re&amp;lationship…</source>
        <translation>&amp;Lien de parenté…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="94"/>
        <source>Make &amp;head</source>
        <translation>Désigner comme &amp;chef</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="95"/>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="132"/>
        <source>Enter or double-click opens %1</source>
        <translation>Entrée ou double-clic&#xa0;: ouvre %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/household_panel.py" line="142"/>
        <source>%n member(s) in other caseloads</source>
        <translation>
            <numerusform>%n membre suivi par d’autres gestionnaires de cas</numerusform>
            <numerusform>%n membres suivis par d’autres gestionnaires de cas</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="146"/>
        <source>Not in a household.</source>
        <translation>Ne fait partie d’aucun ménage.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="150"/>
        <source>Conflict: this household has several heads (%1), each made on another laptop. Choose the head: select a member and press Make head.</source>
        <translation>Conflit&#xa0;: ce ménage a plusieurs chefs (%1), désignés chacun sur un autre ordinateur. Choisissez le chef&#xa0;: sélectionnez un membre et appuyez sur Désigner comme chef.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="154"/>
        <source>This household has no head. Select a member and press Make head.</source>
        <translation>Ce ménage n’a pas de chef. Sélectionnez un membre et appuyez sur Désigner comme chef.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="169"/>
        <location filename="../../desktop/ui/printing.py" line="233"/>
        <source>Head of household</source>
        <translation>Chef de ménage</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="172"/>
        <location filename="../../desktop/ui/printing.py" line="241"/>
        <source>this record</source>
        <translation>cette fiche</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="230"/>
        <source>Added to the household.</source>
        <translation>Membre ajouté au ménage.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="250"/>
        <source>Register a new member</source>
        <translation>Enregistrer un nouveau membre</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="258"/>
        <source>Relationship of %1</source>
        <translation>Lien de parenté de %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="266"/>
        <source>Relationship changed.</source>
        <translation>Lien de parenté modifié.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="275"/>
        <source>%1 is now the head of the household.</source>
        <translation>%1 est maintenant chef du ménage.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/household_panel.py" line="284"/>
        <source>%1 removed from the household.</source>
        <translation>%1 ne fait plus partie du ménage.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="89"/>
        <location filename="../../desktop/ui/import_dialog.py" line="90"/>
        <location filename="../../desktop/ui/import_dialog.py" line="199"/>
        <source>Import from a file</source>
        <translation>Importer depuis un fichier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="102"/>
        <source>Import progress</source>
        <translation>Progression de l’importation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="104"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Précédent</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="105"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="106"/>
        <source>&amp;Dry run</source>
        <translation>Essai à &amp;blanc</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="107"/>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="108"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="139"/>
        <source>File to import</source>
        <translation>Fichier à importer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="140"/>
        <source>A CSV or XLSX file</source>
        <translation>Un fichier CSV ou XLSX</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="141"/>
        <source>B&amp;rowse…</source>
        <translation>Pa&amp;rcourir…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="147"/>
        <source>&amp;File:</source>
        <translation>&amp;Fichier&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="151"/>
        <source>What the file holds</source>
        <translation>Contenu du fichier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="152"/>
        <source>Beneficiaries</source>
        <translation>Bénéficiaires</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="154"/>
        <source>Sessions (matched to beneficiaries by Case no.)</source>
        <translation>Entretiens (rattachés aux bénéficiaires par le n° de dossier)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="156"/>
        <source>&amp;What:</source>
        <translation>&amp;Contenu&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="160"/>
        <source>Text encoding</source>
        <translation>Encodage du texte</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="161"/>
        <source>Detect automatically</source>
        <translation>Détecter automatiquement</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="164"/>
        <source>&amp;Encoding (CSV):</source>
        <translation>&amp;Encodage (CSV)&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="168"/>
        <source>Order of day, month and year</source>
        <translation>Ordre du jour, du mois et de l’année</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="169"/>
        <source>Detect from the file</source>
        <translation>Détecter à partir du fichier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="170"/>
        <source>Day first (14/03/1988)</source>
        <translation>Jour d’abord (14/03/1988)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="171"/>
        <source>Month first (03/14/1988)</source>
        <translation>Mois d’abord (03/14/1988)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="172"/>
        <source>Year first (1988/03/14)</source>
        <translation>Année d’abord (1988/03/14)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="173"/>
        <source>&amp;Dates:</source>
        <translation>&amp;Dates&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="178"/>
        <source>The file holds personal data: import only from a file you were given for this purpose, and delete copies you no longer need.</source>
        <translation>Le fichier contient des données personnelles&#xa0;: n’importez qu’un fichier qui vous a été remis à cette fin, et supprimez les copies dont vous n’avez plus besoin.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="201"/>
        <source>Spreadsheets (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>Feuilles de calcul (*.csv *.xlsx *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="212"/>
        <source>Each column of the file and the field it fills. Change any that is wrong.</source>
        <translation>Chaque colonne du fichier et le champ qu’elle remplit. Corrigez celles qui sont fausses.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="219"/>
        <source>Column mapping</source>
        <translation>Correspondance des colonnes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="221"/>
        <source>Column in the file</source>
        <translation>Colonne du fichier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="221"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="221"/>
        <source>First value</source>
        <translation>Première valeur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="227"/>
        <source>&amp;Remember this mapping for the next import</source>
        <translation>&amp;Retenir cette correspondance pour la prochaine importation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="252"/>
        <source>Field for the column %1</source>
        <translation>Champ pour la colonne %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="253"/>
        <source>— not imported —</source>
        <translation>— non importée —</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="277"/>
        <source>Preview of the rows</source>
        <translation>Aperçu des lignes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="285"/>
        <source>Import the &amp;valid rows; write the others and why to:</source>
        <translation>Importer les lignes &amp;valides&#xa0;; écrire les autres, avec la raison, dans&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="288"/>
        <source>&amp;All or nothing: import nothing if any row has a problem</source>
        <translation>&amp;Tout ou rien&#xa0;: ne rien importer si une ligne pose problème</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="295"/>
        <source>Rejects file</source>
        <translation>Fichier des rejets</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="302"/>
        <source>&amp;Leave out the rows that look like a record already here</source>
        <translation>&amp;Laisser de côté les lignes qui ressemblent à une fiche déjà présente</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="310"/>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="310"/>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="349"/>
        <source>First rows of the file: %1; with problems (marked): %2; likely duplicates: %3. A dry run checks every row without importing.</source>
        <translation>Premières lignes du fichier&#xa0;: %1&#xa0;; avec des problèmes (signalées)&#xa0;: %2&#xa0;; doublons probables&#xa0;: %3. Un essai à blanc vérifie chaque ligne sans rien importer.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="363"/>
        <location filename="../../desktop/ui/import_dialog.py" line="367"/>
        <source>Row %1</source>
        <translation>Ligne %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="371"/>
        <source>looks like row %1 of this file</source>
        <translation>ressemble à la ligne %1 de ce fichier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="372"/>
        <source>looks like %1, already here</source>
        <translation>ressemble à %1, déjà présent</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="411"/>
        <source>Choose the file to import.</source>
        <translation>Choisissez le fichier à importer.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="445"/>
        <source>%1: columns: %2.</source>
        <translation>%1&#xa0;: colonnes&#xa0;: %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="460"/>
        <source>The file&apos;s text encoding could not be recognised. Choose it in the Encoding box (for a French or Spanish file from Windows: Windows-1252), then press Next.</source>
        <translation>L’encodage du texte du fichier n’a pas pu être reconnu. Choisissez-le dans la liste Encodage (pour un fichier français ou espagnol venant de Windows&#xa0;: Windows-1252), puis appuyez sur Suivant.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="493"/>
        <source>The dates of this file (e.g. %1) read either as day first or as month first. Choose the order in the Dates box, then press Next.</source>
        <translation>Les dates de ce fichier (par ex. %1) se lisent aussi bien jour d’abord que mois d’abord. Choisissez l’ordre dans la liste Dates, puis appuyez sur Suivant.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="529"/>
        <source>Rejected rows and why: %1</source>
        <translation>Lignes rejetées et raisons&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="536"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="562"/>
        <source>Beneficiaries imported: %1.</source>
        <translation>Bénéficiaires importés&#xa0;: %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="573"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>IncomingReferralsDialog</name>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="234"/>
        <location filename="../../desktop/ui/referral_dialog.py" line="242"/>
        <source>Incoming referrals</source>
        <translation>Orientations reçues</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="243"/>
        <source>From</source>
        <translation>Expéditeur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="243"/>
        <source>Received</source>
        <translation>Reçue le</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="243"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="251"/>
        <source>Values shared with you:</source>
        <translation>Valeurs partagées avec vous&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="254"/>
        <source>Values shared</source>
        <translation>Valeurs partagées</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="257"/>
        <source>&amp;Note (the reason, to decline):</source>
        <translation>&amp;Note (le motif, pour refuser)&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="270"/>
        <source>&amp;Accept</source>
        <translation>&amp;Accepter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="272"/>
        <source>&amp;Decline</source>
        <translation>&amp;Refuser</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="274"/>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="275"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="290"/>
        <source>Asking the server…</source>
        <translation>Interrogation du serveur…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/referral_dialog.py" line="302"/>
        <source>%n referral(s) waiting for an answer.</source>
        <translation>
            <numerusform>%n orientation en attente de réponse.</numerusform>
            <numerusform>%n orientations en attente de réponse.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="323"/>
        <source>Nothing shared.</source>
        <translation>Rien n’est partagé.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="323"/>
        <source>Select a referral.</source>
        <translation>Sélectionnez une orientation.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="335"/>
        <source>Say why in the note to decline the referral.</source>
        <translation>Indiquez le motif dans la note pour refuser l’orientation.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="343"/>
        <source>Accepted: case %1 is made; it arrives with the next sync.</source>
        <translation>Acceptée&#xa0;: le dossier %1 est créé&#xa0;; il arrivera avec la prochaine synchronisation.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="349"/>
        <source>Declined.</source>
        <translation>Refusée.</translation>
    </message>
</context>
<context>
    <name>IntegrityBanner</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/integrity_banner.py" line="51"/>
        <source>The database file is damaged: its full check found %n problem(s). Records you open may be incomplete. Stop entering data, make a backup (File › Back up now), then close Caseload and restore the latest good backup (File › Restore backup…) or ask your administrator to run &apos;caseload check&apos;.</source>
        <translation>
            <numerusform>Le fichier de la base de données est endommagé&#xa0;: sa vérification complète a trouvé %n problème. Les fiches que vous ouvrez peuvent être incomplètes. Arrêtez la saisie, faites une sauvegarde (Fichier › Sauvegarder maintenant), puis fermez Caseload et restaurez la dernière bonne sauvegarde (Fichier › Restaurer une sauvegarde…) ou demandez à votre administrateur de lancer «&#xa0;caseload check&#xa0;».</numerusform>
            <numerusform>Le fichier de la base de données est endommagé&#xa0;: sa vérification complète a trouvé %n problèmes. Les fiches que vous ouvrez peuvent être incomplètes. Arrêtez la saisie, faites une sauvegarde (Fichier › Sauvegarder maintenant), puis fermez Caseload et restaurez la dernière bonne sauvegarde (Fichier › Restaurer une sauvegarde…) ou demandez à votre administrateur de lancer «&#xa0;caseload check&#xa0;».</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KindEditor</name>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="69"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="70"/>
        <source>Long text</source>
        <translation>Texte long</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="71"/>
        <source>Whole number</source>
        <translation>Nombre entier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="72"/>
        <source>Decimal number</source>
        <translation>Nombre décimal</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="73"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="74"/>
        <source>Yes / no</source>
        <translation>Oui / non</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="75"/>
        <source>One choice</source>
        <translation>Choix unique</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="76"/>
        <source>Several choices</source>
        <translation>Choix multiples</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="109"/>
        <source>&amp;Fields</source>
        <translation>C&amp;hamps</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="113"/>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="120"/>
        <source>&amp;Add field</source>
        <translation>&amp;Ajouter un champ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="122"/>
        <location filename="../../desktop/ui/form_kind_editor.py" line="530"/>
        <source>Re&amp;tire</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="124"/>
        <source>Move &amp;up</source>
        <translation>&amp;Monter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="126"/>
        <source>Move do&amp;wn</source>
        <translation>&amp;Descendre</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="128"/>
        <source>Remo&amp;ve</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="129"/>
        <source>Only a field never published can be removed</source>
        <translation>Seul un champ jamais publié peut être supprimé</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="149"/>
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="156"/>
        <source>Add section</source>
        <translation>Ajouter une section</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="159"/>
        <source>Remove section</source>
        <translation>Supprimer la section</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="170"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="171"/>
        <source>Sectio&amp;ns</source>
        <translation>Sectio&amp;ns</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="179"/>
        <source>Built-in fields sent with a referral to another organisation:</source>
        <translation>Champs intégrés envoyés avec une orientation vers une autre organisation&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="193"/>
        <source>S&amp;hared</source>
        <translation>&amp;Partagé</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="196"/>
        <source>&amp;Key</source>
        <translation>&amp;Clé</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="198"/>
        <source>Lowercase letters, digits and _; a published field&apos;s key never changes</source>
        <translation>Lettres minuscules, chiffres et _&#xa0;; la clé d’un champ publié ne change jamais</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="205"/>
        <source>K&amp;ind</source>
        <translation>T&amp;ype</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="212"/>
        <source>S&amp;ection</source>
        <translation>Secti&amp;on</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="213"/>
        <source>&amp;Required</source>
        <translation>Obli&amp;gatoire</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="217"/>
        <source>Mi&amp;nimum</source>
        <translation>Mi&amp;nimum</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="218"/>
        <source>Ma&amp;ximum</source>
        <translation>Ma&amp;ximum</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="219"/>
        <source>Max &amp;length</source>
        <translation>&amp;Longueur max.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="220"/>
        <source>&amp;Pattern</source>
        <translation>Moti&amp;f</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="221"/>
        <source>A regular expression the whole value must match</source>
        <translation>Expression régulière à laquelle la valeur doit correspondre en totalité</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="222"/>
        <location filename="../../desktop/ui/form_kind_editor.py" line="226"/>
        <source>Choices</source>
        <translation>Choix</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="234"/>
        <source>Add choice</source>
        <translation>Ajouter un choix</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="237"/>
        <source>Remove choice</source>
        <translation>Supprimer le choix</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="241"/>
        <source>Used in</source>
        <translation>Utilisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="244"/>
        <source>Personal data (cleared when erased)</source>
        <translation>Donnée personnelle (vidée lors de l’effacement des données)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="245"/>
        <source>A list column</source>
        <translation>Colonne de la liste</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="246"/>
        <source>A list filter</source>
        <translation>Filtre de la liste</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="247"/>
        <source>Searchable</source>
        <translation>Inclus dans la recherche</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="248"/>
        <source>Identifies a person (duplicate check)</source>
        <translation>Identifie une personne (détection des doublons)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="249"/>
        <source>Shared in a referral to another organisation</source>
        <translation>Partagé dans une orientation vers une autre organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="259"/>
        <source>Retired: hidden from new entry, stored values kept</source>
        <translation>Retiré&#xa0;: masqué pour les nouvelles saisies, valeurs enregistrées conservées</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="267"/>
        <source>Preview: the form as a caseworker sees it</source>
        <translation>Aperçu&#xa0;: le formulaire tel que le voit un gestionnaire de cas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="348"/>
        <source>(retired)</source>
        <translation>(retiré)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="358"/>
        <source>Label (%1)</source>
        <translation>Libellé (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="359"/>
        <source>Help (%1)</source>
        <translation>Aide (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="371"/>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="376"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="387"/>
        <source>(no section)</source>
        <translation>(sans section)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="530"/>
        <source>Res&amp;tore</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="539"/>
        <source>New field</source>
        <translation>Nouveau champ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="587"/>
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_kind_editor.py" line="628"/>
        <source>Choice %1</source>
        <translation>Choix %1</translation>
    </message>
</context>
<context>
    <name>LanguageChooser</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="40"/>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="44"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../desktop/ui/lock.py" line="83"/>
        <source>Caseload is locked</source>
        <translation>Caseload est verrouillé</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="95"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="96"/>
        <source>Password to unlock</source>
        <translation>Mot de passe de déverrouillage</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="103"/>
        <source>Unlock error</source>
        <translation>Erreur de déverrouillage</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="113"/>
        <location filename="../../desktop/ui/lock.py" line="115"/>
        <source>Switch user</source>
        <translation>Changer d’utilisateur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="119"/>
        <location filename="../../desktop/ui/lock.py" line="121"/>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="135"/>
        <source>Locked for %1 (%2). Enter your password to continue.</source>
        <translation>Verrouillé pour %1 (%2). Saisissez votre mot de passe pour continuer.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/ui/login.py" line="105"/>
        <source>Caseload: log in</source>
        <translation>Caseload&#xa0;: connexion</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="110"/>
        <source>Log in to open the encrypted case records.</source>
        <translation>Connectez-vous pour ouvrir les dossiers chiffrés.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="114"/>
        <source>Username</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="115"/>
        <source>&amp;Username</source>
        <translation>Nom d’&amp;utilisateur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="119"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="120"/>
        <source>&amp;Password</source>
        <translation>Mot de &amp;passe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="127"/>
        <source>Login error</source>
        <translation>Erreur de connexion</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="135"/>
        <location filename="../../desktop/ui/login.py" line="138"/>
        <source>Log in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="141"/>
        <location filename="../../desktop/ui/login.py" line="143"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="146"/>
        <source>&amp;Restore backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="149"/>
        <source>Restore backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="171"/>
        <source>Enter your username and password.</source>
        <translation>Saisissez votre nom d’utilisateur et votre mot de passe.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="203"/>
        <source>%1. It was not opened, and nothing was changed.</source>
        <translation>%1. Elle n’a pas été ouverte et rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="208"/>
        <source>Enter your username and password, then choose “Restore backup…” to replace it with a backup.</source>
        <translation>Saisissez votre nom d’utilisateur et votre mot de passe, puis choisissez «&#xa0;Restaurer une sauvegarde…&#xa0;» pour la remplacer par une sauvegarde.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="229"/>
        <source>Choose a Caseload backup</source>
        <translation>Choisir une sauvegarde Caseload</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="231"/>
        <source>Caseload backups (*.db);;All files (*)</source>
        <translation>Sauvegardes Caseload (*.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="242"/>
        <source>Enter your username and password first: they prove who restores.</source>
        <translation>Saisissez d’abord votre nom d’utilisateur et votre mot de passe&#xa0;: ils attestent de qui effectue la restauration.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="262"/>
        <source>The backup was restored (the replaced file is kept in %1). Log in.</source>
        <translation>La sauvegarde a été restaurée (le fichier remplacé est conservé dans %1). Connectez-vous.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="285"/>
        <source>You can try again now.</source>
        <translation>Vous pouvez réessayer maintenant.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/login.py" line="293"/>
        <source>Wait %n second(s) before trying again.</source>
        <translation>
            <numerusform>Patientez %n seconde avant de réessayer.</numerusform>
            <numerusform>Patientez %n secondes avant de réessayer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/roles.py" line="13"/>
        <source>caseworker</source>
        <translation>gestionnaire de cas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roles.py" line="14"/>
        <source>supervisor</source>
        <translation>superviseur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/roles.py" line="15"/>
        <source>admin</source>
        <translation>administrateur</translation>
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
        <translation>Déverrouillé</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="222"/>
        <source>%n overdue task(s) · My tasks: Ctrl+T</source>
        <translation>
            <numerusform>%n tâche en retard · Mes tâches&#xa0;: Ctrl+T</numerusform>
            <numerusform>%n tâches en retard · Mes tâches&#xa0;: Ctrl+T</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="447"/>
        <source>Form version %1 published.</source>
        <translation>Version %1 du formulaire publiée.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="468"/>
        <source>About Caseload</source>
        <translation>À propos de Caseload</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="469"/>
        <source>Caseload %1
Offline-first case management with encrypted storage.</source>
        <translation>Caseload %1
Gestion de cas conçue pour fonctionner hors ligne, avec stockage chiffré.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="481"/>
        <source>Your password was changed.</source>
        <translation>Votre mot de passe a été changé.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="500"/>
        <source>Diagnostics copied to the clipboard (no personal data).</source>
        <translation>Diagnostics copiés dans le presse-papiers (sans données personnelles).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="508"/>
        <source>Restore backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="543"/>
        <location filename="../../desktop/ui/main_window.py" line="545"/>
        <source>Backing up…</source>
        <translation>Sauvegarde en cours…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="560"/>
        <source>Backup written: %1</source>
        <translation>Sauvegarde enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="563"/>
        <source>(File → Settings…)</source>
        <translation>(Fichier → Paramètres…)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="627"/>
        <source>Locked</source>
        <translation>Verrouillé</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="686"/>
        <source>Switch user</source>
        <translation>Changer d’utilisateur</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="687"/>
        <location filename="../../desktop/ui/main_window.py" line="722"/>
        <source>Discard the unsaved changes in %n open form(s)?</source>
        <translation>
            <numerusform>Abandonner les modifications non enregistrées de %n formulaire ouvert&#xa0;?</numerusform>
            <numerusform>Abandonner les modifications non enregistrées de %n formulaires ouverts&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="688"/>
        <source>&amp;Discard and switch</source>
        <translation>&amp;Abandonner et changer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="721"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="510"/>
        <source>Restoring replaces every record on this computer with the backup&apos;s: whatever was written after the backup was made is lost (the current database is kept aside in the backup folder). Caseload logs you out; in the login window enter your password and choose the backup file.</source>
        <translation>La restauration remplace toutes les fiches de cet ordinateur par celles de la sauvegarde&#xa0;: tout ce qui a été saisi après la sauvegarde est perdu (la base actuelle est mise de côté dans le dossier de sauvegarde). Caseload vous déconnecte&#xa0;; dans la fenêtre de connexion, saisissez votre mot de passe et choisissez le fichier de sauvegarde.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="125"/>
        <source>Tasks</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="133"/>
        <source>Transfers</source>
        <translation>Transferts</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="515"/>
        <source>&amp;Log out and restore</source>
        <translation>Se &amp;déconnecter et restaurer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="723"/>
        <source>&amp;Discard and quit</source>
        <translation>&amp;Abandonner et quitter</translation>
    </message>
</context>
<context>
    <name>ManualDialog</name>
    <message>
        <location filename="../../desktop/ui/help.py" line="55"/>
        <source>Caseload user manual</source>
        <translation>Manuel d’utilisation de Caseload</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="61"/>
        <source>User manual</source>
        <translation>Manuel d’utilisation</translation>
    </message>
</context>
<context>
    <name>MergeActions</name>
    <message>
        <location filename="../../desktop/ui/merge_actions.py" line="25"/>
        <source>Merge…</source>
        <translation>Fusionner…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_actions.py" line="28"/>
        <source>Merge the two records selected in the list (one person, twice)</source>
        <translation>Fusionner les deux fiches sélectionnées dans la liste (une même personne, enregistrée deux fois)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_actions.py" line="31"/>
        <source>Possible duplicates…</source>
        <translation>Doublons possibles…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_actions.py" line="33"/>
        <source>Find records across the caseload that may be one person</source>
        <translation>Rechercher dans l’ensemble des dossiers les fiches qui pourraient correspondre à une même personne</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_actions.py" line="36"/>
        <source>Undo merge…</source>
        <translation>Annuler la fusion…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_actions.py" line="38"/>
        <source>Put back the record merged into the one shown</source>
        <translation>Rétablir la fiche qui a été fusionnée dans celle affichée</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_actions.py" line="71"/>
        <source>Merged on %1: another record of this person was merged into this one.</source>
        <translation>Fusion du %1&#xa0;: une autre fiche de cette personne a été fusionnée dans celle-ci.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="47"/>
        <source>Merge two records</source>
        <translation>Fusionner deux fiches</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="65"/>
        <source>&amp;Swap sides</source>
        <translation>&amp;Inverser les côtés</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="68"/>
        <source>&amp;Merge</source>
        <translation>&amp;Fusionner</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="70"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="90"/>
        <source>%1 stays; %2 is merged into it and kept as a forwarding record. Choose each highlighted field&apos;s value. Its sessions, tasks and other linked records move to %1. A supervisor can undo the merge.</source>
        <translation>La fiche %1 est conservée&#xa0;; la fiche %2 y est fusionnée et gardée comme fiche de renvoi. Choisissez la valeur de chaque champ en surbrillance. Ses entretiens, tâches et autres fiches liées passent à %1. Un superviseur peut annuler la fusion.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="101"/>
        <source>Moving to %1: %2.</source>
        <translation>Passent à %1&#xa0;: %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="103"/>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="112"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="113"/>
        <source>Stays: %1</source>
        <translation>Conservée&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="114"/>
        <source>Merged: %1</source>
        <translation>Fusionnée&#xa0;: %1</translation>
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
            <numerusform>%n entretien</numerusform>
            <numerusform>%n entretiens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/merge_dialog.py" line="182"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n tâche</numerusform>
            <numerusform>%n tâches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/merge_dialog.py" line="183"/>
        <source>%n household link(s)</source>
        <translation>
            <numerusform>%n lien de ménage</numerusform>
            <numerusform>%n liens de ménage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/merge_dialog.py" line="184"/>
        <source>%n transfer(s)</source>
        <translation>
            <numerusform>%n transfert</numerusform>
            <numerusform>%n transferts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/merge_dialog.py" line="185"/>
        <source>%n referral(s)</source>
        <translation>
            <numerusform>%n orientation</numerusform>
            <numerusform>%n orientations</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="214"/>
        <source>%2 merged into %1.</source>
        <translation>Fiche %2 fusionnée dans %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="265"/>
        <source>Undo the merge?</source>
        <translation>Annuler la fusion&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="267"/>
        <source>The merged record comes back with the sessions, tasks and other records that moved with the merge; the kept record&apos;s fields the merge changed go back.</source>
        <translation>La fiche fusionnée revient avec les entretiens, les tâches et les autres fiches déplacés par la fusion&#xa0;; les champs de la fiche conservée que la fusion avait modifiés reprennent leur valeur d’avant.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="270"/>
        <source>&amp;Undo merge</source>
        <translation>&amp;Annuler la fusion</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/merge_dialog.py" line="274"/>
        <source>Merge undone.</source>
        <translation>Fusion annulée.</translation>
    </message>
</context>
<context>
    <name>NewTaskDialog</name>
    <message>
        <location filename="../../desktop/ui/task_dialog.py" line="37"/>
        <source>New task for %1</source>
        <translation>Nouvelle tâche pour %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/task_dialog.py" line="61"/>
        <source>Add task</source>
        <translation>Ajouter la tâche</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/task_dialog.py" line="73"/>
        <source>Task added.</source>
        <translation>Tâche ajoutée.</translation>
    </message>
</context>
<context>
    <name>PrintCaseDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/print_dialog.py" line="239"/>
        <source>Saved %1 (%n page(s)); the PDF is not encrypted.</source>
        <translation>
            <numerusform>%1 enregistré (pages&#xa0;: %n)&#xa0;; le PDF n’est pas chiffré.</numerusform>
            <numerusform>%1 enregistré (pages&#xa0;: %n)&#xa0;; le PDF n’est pas chiffré.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/print_dialog.py" line="262"/>
        <source>Sent to the printer (%n page(s)).</source>
        <translation>
            <numerusform>Envoyé à l’imprimante (pages&#xa0;: %n).</numerusform>
            <numerusform>Envoyé à l’imprimante (pages&#xa0;: %n).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="271"/>
        <source>Printing…</source>
        <translation>Impression en cours…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="51"/>
        <source>Print %1</source>
        <translation>Imprimer %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="57"/>
        <source>&amp;Case summary</source>
        <translation>&amp;Résumé du dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="59"/>
        <source>The record, the organisation&apos;s fields and every session</source>
        <translation>La fiche, les champs de l’organisation et tous les entretiens</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="60"/>
        <source>&amp;Referral letter</source>
        <translation>&amp;Lettre d’orientation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="62"/>
        <source>A letter referring this person to a partner</source>
        <translation>Une lettre orientant cette personne vers un partenaire</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="69"/>
        <source>Referral</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="80"/>
        <source>Recipient&apos;s &amp;name:</source>
        <translation>&amp;Nom du destinataire&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="81"/>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="82"/>
        <source>Rea&amp;son:</source>
        <translation>Mo&amp;tif&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="92"/>
        <source>PDF file</source>
        <translation>Fichier PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="94"/>
        <source>PDF &amp;file:</source>
        <translation>&amp;Fichier PDF&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="96"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="105"/>
        <source>The PDF is not encrypted and holds this person&apos;s personal data: keep it where only people who may read the case can open it, and delete it when it is no longer needed.</source>
        <translation>Le PDF n’est pas chiffré et contient les données personnelles de cette personne&#xa0;: conservez-le là où seules les personnes autorisées à consulter le dossier peuvent l’ouvrir, et supprimez-le quand il n’est plus utile.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="124"/>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="128"/>
        <source>Save as P&amp;DF</source>
        <translation>Enregistrer en P&amp;DF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="153"/>
        <source>Save as PDF (not encrypted)</source>
        <translation>Enregistrer en PDF (non chiffré)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="155"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="164"/>
        <source>Replace the file?</source>
        <translation>Remplacer le fichier&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="165"/>
        <source>%1 exists. Replace it with this paper?</source>
        <translation>%1 existe. Le remplacer par ce document&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="166"/>
        <source>&amp;Replace</source>
        <translation>&amp;Remplacer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="182"/>
        <source>Name the PDF file to write.</source>
        <translation>Donnez un nom au fichier PDF à écrire.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../desktop/ui/paper.py" line="108"/>
        <source>The printer or the file could not be opened for writing.</source>
        <translation>Impossible d’ouvrir l’imprimante ou le fichier en écriture.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper.py" line="117"/>
        <source>Printing stopped; nothing was written.</source>
        <translation>Impression arrêtée&#xa0;; rien n’a été écrit.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper.py" line="128"/>
        <source>%1 · page %2 of %3</source>
        <translation>%1 · page %2 sur %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper.py" line="168"/>
        <source>%1 is a folder; name the PDF file.</source>
        <translation>%1 est un dossier&#xa0;; donnez un nom au fichier PDF.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper.py" line="171"/>
        <source>The folder %1 does not exist.</source>
        <translation>Le dossier %1 n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper.py" line="176"/>
        <source>Cannot write in %1: %2.</source>
        <translation>Impossible d’écrire dans %1&#xa0;: %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="173"/>
        <source>Beneficiary</source>
        <translation>Bénéficiaire</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="180"/>
        <source>The organisation&apos;s fields</source>
        <translation>Les champs de l’organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="202"/>
        <source>No sessions recorded.</source>
        <translation>Aucun entretien enregistré.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/printing.py" line="218"/>
        <source>Follow-up tasks (%n)</source>
        <translation>
            <numerusform>Tâches de suivi (%n)</numerusform>
            <numerusform>Tâches de suivi (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="220"/>
        <source>No follow-up tasks.</source>
        <translation>Aucune tâche de suivi.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="253"/>
        <source>The household&apos;s head is to be chosen again.</source>
        <translation>Le chef du ménage est à désigner de nouveau.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="288"/>
        <source>Printed by %1 on %2. Confidential: this paper holds personal data.</source>
        <translation>Imprimé par %1 le %2. Confidentiel&#xa0;: ce document contient des données personnelles.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="300"/>
        <source>Case summary</source>
        <translation>Résumé du dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="330"/>
        <source>Name the person or the organisation the case is referred to.</source>
        <translation>Indiquez la personne ou l’organisation vers laquelle le dossier est orienté.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="333"/>
        <source>Say why the case is referred.</source>
        <translation>Indiquez le motif de l’orientation.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="355"/>
        <source>Referral</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="367"/>
        <source>We refer %1 to your organisation, for the reason below.</source>
        <translation>Nous orientons %1 vers votre organisation, pour le motif ci-dessous.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="370"/>
        <source>Person referred</source>
        <translation>Personne orientée</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="372"/>
        <source>Reason for the referral</source>
        <translation>Motif de l’orientation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="374"/>
        <source>Caseworker</source>
        <translation>Gestionnaire de cas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="376"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="378"/>
        <source>Letter written by</source>
        <translation>Lettre rédigée par</translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="174"/>
        <source>Saved %1.</source>
        <translation>Dossier %1 enregistré.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="207"/>
        <source>Session saved.</source>
        <translation>Entretien enregistré.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="213"/>
        <source>Caseload is locked; unlock it to save.</source>
        <translation>Caseload est verrouillé&#xa0;; déverrouillez-le pour enregistrer.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="255"/>
        <source>Session cancelled.</source>
        <translation>Entretien annulé.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="262"/>
        <source>Delete session</source>
        <translation>Supprimer l’entretien</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="263"/>
        <source>Delete this session, with its summary and outcome?</source>
        <translation>Supprimer cet entretien, avec son résumé et son résultat&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="264"/>
        <source>&amp;Delete session</source>
        <translation>&amp;Supprimer l’entretien</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="268"/>
        <source>Session deleted.</source>
        <translation>Entretien supprimé.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="280"/>
        <source>&amp;Continue</source>
        <translation>&amp;Continuer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="306"/>
        <source>Case closed.</source>
        <translation>Dossier clôturé.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="317"/>
        <source>Case reopened.</source>
        <translation>Dossier rouvert.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="331"/>
        <source>Reassign</source>
        <translation>Réaffecter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="332"/>
        <source>New caseworker for %1:</source>
        <translation>Nouveau gestionnaire de cas pour %1&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="342"/>
        <source>Reassigned to %1.</source>
        <translation>Réaffecté à %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="351"/>
        <source>Delete beneficiary</source>
        <translation>Supprimer le bénéficiaire</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="353"/>
        <source>Delete %1 (%2)? Their personal data and their sessions (%3), with every summary and outcome, are removed; the deletion is recorded and synced.</source>
        <translation>Supprimer %1 (%2)&#xa0;? Ses données personnelles et ses entretiens (%3), avec chaque résumé et résultat, sont supprimés&#xa0;; la suppression est journalisée et synchronisée.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="359"/>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/record_actions.py" line="364"/>
        <source>Deleted.</source>
        <translation>Supprimé.</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../desktop/ui/forms.py" line="174"/>
        <source>Form error</source>
        <translation>Erreur dans le formulaire</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="197"/>
        <location filename="../../desktop/ui/forms.py" line="563"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="199"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="200"/>
        <source>Save (Ctrl+S)</source>
        <translation>Enregistrer (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="202"/>
        <location filename="../../desktop/ui/forms.py" line="203"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="320"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="321"/>
        <source>(not recorded)</source>
        <translation>(non renseigné)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="563"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="582"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms.py" line="583"/>
        <source>Save your changes before closing?</source>
        <translation>Enregistrer vos modifications avant de fermer&#xa0;?</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="57"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="58"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="94"/>
        <source>Refer %1 to another organisation</source>
        <translation>Orienter %1 vers une autre organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="101"/>
        <source>%1 (case %2)</source>
        <translation>%1 (dossier %2)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="113"/>
        <source>Receiving organisation</source>
        <translation>Organisation destinataire</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="114"/>
        <source>Loading the server&apos;s list…</source>
        <translation>Chargement de la liste du serveur…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="115"/>
        <source>&amp;To organisation:</source>
        <translation>&amp;Organisation destinataire&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="119"/>
        <source>Only these values leave this organisation (the form definition marks them shareable):</source>
        <translation>Seules ces valeurs quittent cette organisation (la définition du formulaire les marque comme partageables)&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="127"/>
        <source>Values that will be shared</source>
        <translation>Valeurs qui seront partagées</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="131"/>
        <source>Nothing: the form definition marks no field shareable.</source>
        <translation>Aucune&#xa0;: la définition du formulaire ne marque aucun champ comme partageable.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="136"/>
        <source>The person &amp;consents to sharing these values with that organisation</source>
        <translation>La personne &amp;consent au partage de ces valeurs avec cette organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="140"/>
        <source>&amp;Note for the receiving organisation:</source>
        <translation>&amp;Note pour l’organisation destinataire&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="144"/>
        <source>Referral note</source>
        <translation>Note d’orientation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="159"/>
        <source>&amp;Send referral</source>
        <translation>&amp;Envoyer l’orientation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="177"/>
        <source>Organisation name</source>
        <translation>Nom de l’organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="181"/>
        <source>The server cannot be reached: type the organisation&apos;s name</source>
        <translation>Le serveur est injoignable&#xa0;: saisissez le nom de l’organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="199"/>
        <source>Referral saved; it is sent at the next sync.</source>
        <translation>Orientation enregistrée&#xa0;; elle sera envoyée à la prochaine synchronisation.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="212"/>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="213"/>
        <source>To organisation</source>
        <translation>Organisation destinataire</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="214"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="376"/>
        <source>To %1: %2</source>
        <translation>Vers %1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/referral_dialog.py" line="381"/>
        <source>(not sent yet)</source>
        <translation>(pas encore envoyée)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="63"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="70"/>
        <source>Lock after idle minutes</source>
        <translation>Minutes d’inactivité avant verrouillage</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="72"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="74"/>
        <source>&amp;Lock after idle time</source>
        <translation>&amp;Verrouiller après inactivité</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="79"/>
        <location filename="../../desktop/ui/settings_dialog.py" line="122"/>
        <source>Backup folder</source>
        <translation>Dossier de sauvegarde</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="82"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="83"/>
        <source>Browse for backup folder</source>
        <translation>Choisir le dossier de sauvegarde</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="86"/>
        <source>Backup &amp;folder</source>
        <translation>&amp;Dossier de sauvegarde</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="94"/>
        <source>Back up automatically once a day</source>
        <translation>Sauvegarder automatiquement une fois par jour</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="96"/>
        <source>Automatic daily backup</source>
        <translation>Sauvegarde quotidienne automatique</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="99"/>
        <source>Back up &amp;now</source>
        <translation>Sauvegarder &amp;maintenant</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="100"/>
        <source>Back up now</source>
        <translation>Sauvegarder maintenant</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="104"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="106"/>
        <source>A new language applies the next time Caseload starts.</source>
        <translation>Une nouvelle langue s’applique au prochain démarrage de Caseload.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="151"/>
        <source>This folder is on the same disk as the database: if the laptop is lost or its disk fails, the backups go with it. Choose a folder on a USB drive or another disk.</source>
        <translation>Ce dossier est sur le même disque que la base de données&#xa0;: si l’ordinateur est perdu ou si son disque tombe en panne, les sauvegardes disparaissent avec lui. Choisissez un dossier sur une clé USB ou un autre disque.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../desktop/ui/login.py" line="336"/>
        <source>Caseload: first start</source>
        <translation>Caseload&#xa0;: premier démarrage</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="344"/>
        <source>Welcome. Caseload keeps case records encrypted on this computer. Create the first administrator account; it can add the other users.</source>
        <translation>Bienvenue. Caseload conserve les dossiers chiffrés sur cet ordinateur. Créez le premier compte administrateur&#xa0;; il pourra ajouter les autres utilisateurs.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="353"/>
        <source>Lan&amp;guage</source>
        <translation>Lan&amp;gue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="376"/>
        <source>Admin &amp;username</source>
        <translation>Nom d’&amp;utilisateur de l’administrateur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="377"/>
        <source>&amp;Display name</source>
        <translation>Nom &amp;affiché</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="378"/>
        <source>&amp;Password</source>
        <translation>Mot de &amp;passe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="379"/>
        <source>&amp;Repeat password</source>
        <translation>&amp;Confirmer le mot de passe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="383"/>
        <source>Use a long passphrase (at least 8 characters). There is no way to recover the records if every password is lost.</source>
        <translation>Choisissez une longue phrase secrète (au moins 8 caractères). Si tous les mots de passe sont perdus, les dossiers sont irrécupérables.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="395"/>
        <location filename="../../desktop/ui/login.py" line="398"/>
        <source>Create database</source>
        <translation>Créer la base de données</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="401"/>
        <location filename="../../desktop/ui/login.py" line="403"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/login.py" line="425"/>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe sont différents.</translation>
    </message>
</context>
<context>
    <name>SyncControls</name>
    <message>
        <location filename="../../desktop/ui/window_sync.py" line="80"/>
        <source>Last backup: %1</source>
        <translation>Dernière sauvegarde&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_sync.py" line="82"/>
        <source>No backup yet</source>
        <translation>Aucune sauvegarde pour l’instant</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="183"/>
        <source>Sync with the central server</source>
        <translation>Synchronisation avec le serveur central</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="188"/>
        <source>Server account</source>
        <translation>Compte sur le serveur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="192"/>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="194"/>
        <source>Server username</source>
        <translation>Nom d’utilisateur sur le serveur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="197"/>
        <source>Server password</source>
        <translation>Mot de passe sur le serveur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="198"/>
        <source>asked once; only a token is kept</source>
        <translation>demandé une seule fois&#xa0;; seul un jeton est conservé</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="199"/>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="203"/>
        <location filename="../../desktop/ui/sync_panel.py" line="440"/>
        <source>Certificate authority file</source>
        <translation>Fichier de l’autorité de certification</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="204"/>
        <source>none: the usual trusted authorities</source>
        <translation>aucun&#xa0;: les autorités de confiance habituelles</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="205"/>
        <source>B&amp;rowse…</source>
        <translation>Pa&amp;rcourir…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="206"/>
        <source>Browse for a certificate authority file</source>
        <translation>Choisir un fichier d’autorité de certification</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="211"/>
        <source>Certificate &amp;authority:</source>
        <translation>&amp;Autorité de certification&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="212"/>
        <source>&amp;Username:</source>
        <translation>Nom d’&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="213"/>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="215"/>
        <source>Sign &amp;in</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="216"/>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="217"/>
        <source>Cancel sign-in</source>
        <translation>Annuler la connexion</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="242"/>
        <location filename="../../desktop/ui/sync_panel.py" line="245"/>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="242"/>
        <source>Reason the server gave</source>
        <translation>Motif donné par le serveur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="245"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="245"/>
        <source>Here</source>
        <translation>Sur cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="245"/>
        <source>On the server</source>
        <translation>Sur le serveur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="253"/>
        <source>Keep &amp;mine</source>
        <translation>Garder &amp;ma version</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="254"/>
        <source>Keep &amp;theirs</source>
        <translation>Garder la version du ser&amp;veur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="255"/>
        <source>&amp;Edit…</source>
        <translation>Mod&amp;ifier…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="268"/>
        <source>Case number</source>
        <translation>N° de dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="268"/>
        <source>What waits</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="268"/>
        <source>Who can decide</source>
        <translation>Qui peut décider</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="271"/>
        <source>Refused records</source>
        <translation>Fiches refusées</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="272"/>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="273"/>
        <source>Waiting for a decision</source>
        <translation>En attente de décision</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="278"/>
        <source>Caseworkers on the server</source>
        <translation>Gestionnaires de cas sur le serveur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="284"/>
        <source>Sync progress</source>
        <translation>Progression de la synchronisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="287"/>
        <source>Sync &amp;now</source>
        <translation>Synchro&amp;niser maintenant</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="298"/>
        <source>&amp;Cancel sync</source>
        <translation>&amp;Annuler la synchronisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="345"/>
        <source>Signed in to %1 as %2.</source>
        <translation>Connecté à %1 en tant que %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="350"/>
        <source>Not signed in to a server.</source>
        <translation>Non connecté à un serveur.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="354"/>
        <source>Changes waiting to be sent: %1</source>
        <translation>Modifications en attente d’envoi&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="355"/>
        <source>Last sync: %1</source>
        <translation>Dernière synchronisation&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="357"/>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="369"/>
        <source>Refused records (%1)</source>
        <translation>Fiches refusées (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="372"/>
        <source>Conflicts (%1)</source>
        <translation>Conflits (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="377"/>
        <source>Waiting for a decision (%1)</source>
        <translation>En attente de décision (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="414"/>
        <source>a supervisor (%1)</source>
        <translation>un superviseur (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="414"/>
        <source>a supervisor</source>
        <translation>un superviseur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="417"/>
        <source>you, in the Conflicts tab</source>
        <translation>vous, dans l’onglet Conflits</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="442"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="477"/>
        <source>Signing in to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="495"/>
        <source>Sign-in cancelled; nothing was kept.</source>
        <translation>Connexion annulée&#x202f;; rien n&apos;a été conservé.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="506"/>
        <source>Unencrypted connection</source>
        <translation>Connexion non chiffrée</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="516"/>
        <source>Not signed in: the server did not answer.</source>
        <translation>Non connecté&#xa0;: le serveur n&apos;a pas répondu.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="519"/>
        <source>The server did not answer the sign-in (waited %1 s). Check the server address and the network connection, then sign in again.</source>
        <translation>Le serveur n&apos;a pas répondu à la connexion (attente de %1 s). Vérifiez l&apos;adresse du serveur et la connexion réseau, puis reconnectez-vous.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="602"/>
        <source>Records differ from the server</source>
        <translation>Les fiches diffèrent de celles du serveur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="604"/>
        <source>After this sync the records here do not match the server&apos;s. Run a full resync now? Changes not yet sent are kept.</source>
        <translation>Après cette synchronisation, les fiches de cet ordinateur ne correspondent pas à celles du serveur. Lancer maintenant une resynchronisation complète&#xa0;? Les modifications pas encore envoyées sont conservées.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="615"/>
        <source>Sync cancelled; nothing was lost.</source>
        <translation>Synchronisation annulée&#xa0;; rien n’a été perdu.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_panel.py" line="628"/>
        <source>Edit value</source>
        <translation>Modifier la valeur</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../desktop/ui/sync_status.py" line="28"/>
        <source>more than %1</source>
        <translation>plus de %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_status.py" line="37"/>
        <source>More than %1 changes waiting to sync</source>
        <translation>Plus de %1 modifications en attente de synchronisation</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/sync_status.py" line="40"/>
        <source>%Ln change(s) waiting to sync</source>
        <translation>
            <numerusform>%Ln modification en attente de synchronisation</numerusform>
            <numerusform>%Ln modifications en attente de synchronisation</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_status.py" line="46"/>
        <source>Sync: not set up</source>
        <translation>Synchronisation&#xa0;: non configurée</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/sync_status.py" line="49"/>
        <source>%Ln conflict(s)</source>
        <translation>
            <numerusform>%Ln conflit</numerusform>
            <numerusform>%Ln conflits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/sync_status.py" line="51"/>
        <source>%Ln refused</source>
        <translation>
            <numerusform>%Ln refusée</numerusform>
            <numerusform>%Ln refusées</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_status.py" line="53"/>
        <source>sign in needed</source>
        <translation>connexion requise</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_status.py" line="56"/>
        <source>last sync %1</source>
        <translation>dernière synchronisation %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_status.py" line="56"/>
        <source>never synced</source>
        <translation>jamais synchronisé</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_status.py" line="58"/>
        <source>Sync: </source>
        <translation>Synchronisation&#xa0;: </translation>
    </message>
</context>
<context>
    <name>TaskCloseDialog</name>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="47"/>
        <source>Mark task done</source>
        <translation>Marquer la tâche comme faite</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="47"/>
        <source>Dismiss task</source>
        <translation>Classer la tâche sans suite</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="51"/>
        <source>What was done:</source>
        <translation>Ce qui a été fait&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="51"/>
        <source>Why it is not to be done:</source>
        <translation>Pourquoi elle n’est pas à faire&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="60"/>
        <source>%1 · %2, due %3</source>
        <translation>%1 · %2, échéance le %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="70"/>
        <source>Mark done</source>
        <translation>Marquer comme faite</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="70"/>
        <source>Dismiss</source>
        <translation>Classer sans suite</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="84"/>
        <source>Write a few words first.</source>
        <translation>Écrivez d’abord quelques mots.</translation>
    </message>
</context>
<context>
    <name>TasksPanel</name>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="112"/>
        <source>My tasks</source>
        <translation>Mes tâches</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="113"/>
        <source>Office tasks</source>
        <translation>Tâches du bureau</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="114"/>
        <source>&amp;My tasks</source>
        <translation>&amp;Mes tâches</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="115"/>
        <source>&amp;Office</source>
        <translation>&amp;Bureau</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="117"/>
        <source>Mark &amp;done…</source>
        <translation>Marquer comme &amp;faite…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="120"/>
        <source>D&amp;ismiss…</source>
        <translation>&amp;Classer sans suite…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="123"/>
        <source>O&amp;pen record</source>
        <translation>&amp;Ouvrir la fiche</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="148"/>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="148"/>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="148"/>
        <source>Beneficiary</source>
        <translation>Bénéficiaire</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/tasks_panel.py" line="193"/>
        <source>%n of your tasks overdue</source>
        <translation>
            <numerusform>Vous avez %n tâche en retard</numerusform>
            <numerusform>Vous avez %n tâches en retard</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="195"/>
        <source>None of your tasks is overdue.</source>
        <translation>Aucune de vos tâches n’est en retard.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="200"/>
        <source>Session&apos;s follow-up</source>
        <translation>Suivi de l’entretien</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="202"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="221"/>
        <source>Overdue (%1)</source>
        <translation>En retard (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="222"/>
        <source>Today (%1)</source>
        <translation>Aujourd’hui (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="223"/>
        <source>This week (%1)</source>
        <translation>Cette semaine (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="240"/>
        <source>%1: %2 overdue, %3 today, %4 later this week</source>
        <translation>%1&#xa0;: %2 en retard, %3 aujourd’hui, %4 plus tard cette semaine</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="310"/>
        <source>Task marked done.</source>
        <translation>Tâche marquée comme faite.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tasks_panel.py" line="315"/>
        <source>Task dismissed.</source>
        <translation>Tâche classée sans suite.</translation>
    </message>
</context>
<context>
    <name>TransferDecisionDialog</name>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="145"/>
        <source>Accept transfer</source>
        <translation>Accepter le transfert</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="145"/>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="146"/>
        <source>Decline transfer</source>
        <translation>Refuser le transfert</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="146"/>
        <source>Decline</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="147"/>
        <source>Cancel transfer</source>
        <translation>Annuler le transfert</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="152"/>
        <source>&amp;Why you decline (for %1):</source>
        <translation>&amp;Motif du refus (pour %1)&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="154"/>
        <source>&amp;Note (optional):</source>
        <translation>&amp;Note (facultative)&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="159"/>
        <source>%1 · %2, from %3 to %4: %5</source>
        <translation>%1 · %2, de %3 à %4&#xa0;: %5</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="172"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="185"/>
        <source>Say why first: the proposer reads it.</source>
        <translation>Indiquez d’abord le motif&#xa0;: la personne qui a proposé le transfert le lira.</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="76"/>
        <source>Transfer %1</source>
        <translation>Transférer %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="84"/>
        <source>Caseworker to transfer to</source>
        <translation>Gestionnaire de cas destinataire</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="85"/>
        <source>&amp;To caseworker:</source>
        <translation>Gestionnaire de cas &amp;destinataire&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="87"/>
        <source>&amp;Note for them:</source>
        <translation>&amp;Note à son intention&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="88"/>
        <source>Why the case is handed on, what is under way</source>
        <translation>Pourquoi le dossier est transmis, ce qui est en cours</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="91"/>
        <source>%1 · %2: the case moves once they accept it and both laptops sync.</source>
        <translation>%1 · %2&#xa0;: le dossier sera transféré une fois accepté par le destinataire et les deux ordinateurs synchronisés.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="100"/>
        <source>Propose transfer</source>
        <translation>Proposer le transfert</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="119"/>
        <source>There is no other caseworker on this laptop to choose.</source>
        <translation>Il n’y a aucun autre gestionnaire de cas à choisir sur cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="122"/>
        <source>Write a few words for the receiver first.</source>
        <translation>Écrivez d’abord quelques mots pour le destinataire.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="126"/>
        <source>Transfer proposed.</source>
        <translation>Transfert proposé.</translation>
    </message>
</context>
<context>
    <name>TransfersPanel</name>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="207"/>
        <source>Pending transfers</source>
        <translation>Transferts en attente</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="208"/>
        <source>Case</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="208"/>
        <source>From → to</source>
        <translation>De → à</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="208"/>
        <source>Proposed</source>
        <translation>Proposé le</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="216"/>
        <source>&amp;Accept…</source>
        <translation>&amp;Accepter…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="218"/>
        <source>D&amp;ecline…</source>
        <translation>&amp;Refuser…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="220"/>
        <source>Ca&amp;ncel transfer…</source>
        <translation>A&amp;nnuler le transfert…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="222"/>
        <source>O&amp;pen record</source>
        <translation>&amp;Ouvrir la fiche</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="286"/>
        <source>To decide (%1)</source>
        <translation>À décider (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="287"/>
        <source>Waiting for the receiver (%1)</source>
        <translation>En attente du destinataire (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="289"/>
        <source>Others in the office (%1)</source>
        <translation>Autres transferts du bureau (%1)</translation>
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
        <translation>Transferts à décider&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="329"/>
        <source>No transfer waits for your decision.</source>
        <translation>Aucun transfert n’attend votre décision.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="354"/>
        <source>%1 · %2
From %3 to %4, proposed %5:
%6</source>
        <translation>%1 · %2
De %3 à %4, proposé le %5&#xa0;:
%6</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="391"/>
        <source>Transfer accepted.</source>
        <translation>Transfert accepté.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="392"/>
        <source>Transfer declined.</source>
        <translation>Transfert refusé.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/transfers_panel.py" line="393"/>
        <source>Transfer cancelled.</source>
        <translation>Transfert annulé.</translation>
    </message>
</context>
<context>
    <name>UserLinksPage</name>
    <message>
        <location filename="../../desktop/ui/user_links.py" line="39"/>
        <source>Records go to the server as their caseworker&apos;s. A caseworker who is not linked to a server account keeps their records on this laptop until linked.</source>
        <translation>Les fiches sont envoyées au serveur au nom de leur gestionnaire de cas. Tant qu’un gestionnaire n’est pas associé à un compte du serveur, ses fiches restent sur cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/user_links.py" line="47"/>
        <source>Local users and their server accounts</source>
        <translation>Utilisateurs locaux et leurs comptes sur le serveur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/user_links.py" line="49"/>
        <source>Local user</source>
        <translation>Utilisateur local</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/user_links.py" line="49"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/user_links.py" line="49"/>
        <location filename="../../desktop/ui/user_links.py" line="62"/>
        <source>Server account</source>
        <translation>Compte sur le serveur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/user_links.py" line="59"/>
        <source>Find server &amp;accounts</source>
        <translation>Rechercher les &amp;comptes du serveur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/user_links.py" line="64"/>
        <source>&amp;Link to this account</source>
        <translation>&amp;Associer à ce compte</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/user_links.py" line="77"/>
        <source>not linked: records wait here</source>
        <translation>non associé&#xa0;: les fiches attendent ici</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="156"/>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="168"/>
        <source>Local users</source>
        <translation>Utilisateurs locaux</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="170"/>
        <source>Username</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="170"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="170"/>
        <location filename="../../desktop/ui/users_dialog.py" line="245"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="170"/>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="179"/>
        <source>&amp;Add user…</source>
        <translation>&amp;Ajouter un utilisateur…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="180"/>
        <source>&amp;Deactivate</source>
        <translation>&amp;Désactiver</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="181"/>
        <source>&amp;Reset password…</source>
        <translation>&amp;Réinitialiser le mot de passe…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="182"/>
        <source>Change &amp;role…</source>
        <translation>&amp;Modifier le rôle…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="193"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="213"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="213"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="239"/>
        <source>Add user</source>
        <translation>Ajouter un utilisateur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="241"/>
        <source>&amp;Username</source>
        <translation>Nom d’&amp;utilisateur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="242"/>
        <source>&amp;Display name</source>
        <translation>Nom &amp;affiché</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="248"/>
        <source>R&amp;ole</source>
        <translation>&amp;Rôle</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="265"/>
        <source>New password for %1</source>
        <translation>Nouveau mot de passe pour %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="281"/>
        <source>Reset password</source>
        <translation>Réinitialiser le mot de passe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="296"/>
        <source>Deactivate %1? They will no longer be able to log in. The database is re-encrypted under a new key, which can take a minute on a large caseload.</source>
        <translation>Désactiver %1&#xa0;? Cette personne ne pourra plus se connecter. La base de données est rechiffrée avec une nouvelle clé, ce qui peut prendre une minute pour un grand nombre de dossiers.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="306"/>
        <source>The key slots of these users cannot be re-wrapped (old format or missing): they will need a password reset afterwards: %1</source>
        <translation>Les emplacements de clé de ces utilisateurs ne peuvent pas être rechiffrés (ancien format ou absents)&#xa0;: il faudra ensuite réinitialiser leur mot de passe&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="309"/>
        <location filename="../../desktop/ui/users_dialog.py" line="313"/>
        <source>Deactivate user</source>
        <translation>Désactiver l’utilisateur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="336"/>
        <source>Preparing the new data key…</source>
        <translation>Préparation de la nouvelle clé de données…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="337"/>
        <source>Re-encrypting the database under the new key…</source>
        <translation>Rechiffrement de la base de données avec la nouvelle clé…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="338"/>
        <source>Checking the re-encrypted database…</source>
        <translation>Vérification de la base de données rechiffrée…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="339"/>
        <source>Re-wrapping the users&apos; key slots…</source>
        <translation>Rechiffrement des emplacements de clé des utilisateurs…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="350"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="396"/>
        <source>The data key was changed, but the key slots of these users could not be re-wrapped (old format or missing): they cannot log in until you reset their password: %1</source>
        <translation>La clé de données a été changée, mais les emplacements de clé de ces utilisateurs n’ont pas pu être rechiffrés (ancien format ou absents)&#xa0;: ils ne pourront pas se connecter tant que leur mot de passe n’aura pas été réinitialisé&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="401"/>
        <source>Password resets needed</source>
        <translation>Réinitialisations de mot de passe nécessaires</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="325"/>
        <source>Change role</source>
        <translation>Modifier le rôle</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="326"/>
        <source>Role of %1:</source>
        <translation>Rôle de %1&#xa0;:</translation>
    </message>
</context>
<context>
    <name>WindowBuilding</name>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="51"/>
        <source>&amp;New beneficiary</source>
        <translation>&amp;Nouveau bénéficiaire</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="57"/>
        <source>New &amp;session</source>
        <translation>Nouvel &amp;entretien</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="63"/>
        <source>&amp;Edit</source>
        <translation>&amp;Modifier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="66"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="69"/>
        <source>Edit session…</source>
        <translation>Modifier l’entretien…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="71"/>
        <source>Cancel session</source>
        <translation>Annuler l’entretien</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="72"/>
        <source>Delete session…</source>
        <translation>Supprimer l’entretien…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="74"/>
        <source>&amp;Close case</source>
        <translation>&amp;Clôturer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="76"/>
        <source>&amp;Reopen case</source>
        <translation>Ro&amp;uvrir</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="78"/>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="81"/>
        <source>Print the case summary or a referral letter, or save it as PDF</source>
        <translation>Imprimer le résumé du dossier ou une lettre d’orientation, ou l’enregistrer en PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="84"/>
        <source>Re&amp;assign…</source>
        <translation>Réa&amp;ffecter…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="87"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="90"/>
        <source>&amp;Find</source>
        <translation>Rec&amp;hercher</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="96"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="99"/>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="101"/>
        <source>S&amp;witch user…</source>
        <translation>&amp;Changer d’utilisateur…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="102"/>
        <source>&amp;Users…</source>
        <translation>&amp;Utilisateurs…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="104"/>
        <source>&amp;Forms…</source>
        <translation>&amp;Formulaires…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="106"/>
        <source>The organisation&apos;s own fields in the forms</source>
        <translation>Les champs propres à l’organisation dans les formulaires</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="109"/>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="112"/>
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="114"/>
        <source>&amp;Restore backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="116"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="119"/>
        <source>The list as filtered, or every record, to CSV or Excel</source>
        <translation>La liste filtrée, ou toutes les fiches, en CSV ou Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="122"/>
        <source>&amp;Import from a file…</source>
        <translation>&amp;Importer depuis un fichier…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="124"/>
        <source>Beneficiaries or sessions from a CSV or XLSX file</source>
        <translation>Bénéficiaires ou entretiens depuis un fichier CSV ou XLSX</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="127"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="129"/>
        <source>&amp;About Caseload</source>
        <translation>À &amp;propos de Caseload</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="131"/>
        <source>Chan&amp;ge my password…</source>
        <translation>Changer &amp;mon mot de passe…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="134"/>
        <source>User &amp;manual</source>
        <translation>&amp;Manuel d’utilisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="138"/>
        <source>&amp;Copy diagnostics</source>
        <translation>Copier les &amp;diagnostics</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="140"/>
        <source>S&amp;ync with server…</source>
        <translation>&amp;Synchroniser avec le serveur…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="147"/>
        <source>My &amp;tasks</source>
        <translation>Mes &amp;tâches</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="150"/>
        <source>Follow-ups overdue, due today and this week</source>
        <translation>Suivis en retard, prévus aujourd’hui et cette semaine</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="154"/>
        <source>New tas&amp;k…</source>
        <translation>N&amp;ouvelle tâche…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="157"/>
        <source>A task by hand for the beneficiary shown</source>
        <translation>Une tâche créée à la main pour le bénéficiaire affiché</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="160"/>
        <source>Transfers</source>
        <translation>Transferts</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="163"/>
        <source>Cases proposed to you, and yours waiting for the receiver</source>
        <translation>Dossiers qui vous sont proposés, et les vôtres en attente du destinataire</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="166"/>
        <source>Transfer case…</source>
        <translation>Transférer le dossier…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="169"/>
        <source>Hand the case shown on to another caseworker</source>
        <translation>Confier le dossier affiché à un autre gestionnaire de cas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="174"/>
        <source>Refer to another organisation…</source>
        <translation>Orienter vers une autre organisation…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="176"/>
        <source>Send the shareable values, with the person&apos;s consent</source>
        <translation>Envoyer les valeurs partageables, avec le consentement de la personne</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="179"/>
        <source>Refer…</source>
        <translation>Orienter…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="181"/>
        <source>Incoming referrals…</source>
        <translation>Orientations reçues…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="183"/>
        <source>Referrals other organisations sent to yours: accept or decline</source>
        <translation>Orientations envoyées à la vôtre par d’autres organisations&#xa0;: accepter ou refuser</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="199"/>
        <source>&amp;Dashboard…</source>
        <translation>&amp;Tableau de bord…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="201"/>
        <source>&amp;Audit log…</source>
        <translation>&amp;Journal d’audit…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="205"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="215"/>
        <source>&amp;Records</source>
        <translation>&amp;Dossiers</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="246"/>
        <source>Re&amp;ports</source>
        <translation>&amp;Rapports</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="250"/>
        <source>S&amp;ync</source>
        <translation>&amp;Synchronisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="253"/>
        <source>&amp;Admin</source>
        <translation>Ad&amp;ministration</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="257"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="263"/>
        <source>Main toolbar</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="303"/>
        <source>Logged-in user</source>
        <translation>Utilisateur connecté</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="308"/>
        <source>Changes waiting to sync</source>
        <translation>Modifications en attente de synchronisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="311"/>
        <source>Overdue tasks</source>
        <translation>Tâches en retard</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="314"/>
        <source>Last backup</source>
        <translation>Dernière sauvegarde</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="318"/>
        <source>Background task progress</source>
        <translation>Progression de la tâche en arrière-plan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="322"/>
        <source>Sync state</source>
        <translation>État de la synchronisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="326"/>
        <source>Sync progress</source>
        <translation>Progression de la synchronisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="332"/>
        <source>Sync activity</source>
        <translation>Activité de synchronisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="335"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="336"/>
        <source>Cancel sync</source>
        <translation>Annuler la synchronisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="337"/>
        <source>Stop the sync; nothing is lost</source>
        <translation>Arrêter la synchronisation&#xa0;; rien n’est perdu</translation>
    </message>
</context>
<context>
    <name>_PasswordFields</name>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="46"/>
        <source>&amp;Password</source>
        <translation>Mot de &amp;passe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="47"/>
        <source>&amp;Repeat password</source>
        <translation>&amp;Confirmer le mot de passe</translation>
    </message>
</context>
<context>
    <name>_UserFormDialog</name>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="123"/>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe sont différents.</translation>
    </message>
</context>
<context>
    <name>choice</name>
    <message>
        <location filename="../../desktop/domain/schema.py" line="604"/>
        <source>Goals met, needs addressed</source>
        <translation>Objectifs atteints, besoins couverts</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="605"/>
        <source>Referred to another service</source>
        <translation>Orienté vers un autre service</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="608"/>
        <source>Moved away</source>
        <translation>A déménagé</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="609"/>
        <source>No longer eligible</source>
        <translation>N&apos;est plus éligible</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="610"/>
        <source>Declined further services</source>
        <translation>A refusé la poursuite de l&apos;accompagnement</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="611"/>
        <source>Lost contact</source>
        <translation>Contact perdu</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="612"/>
        <source>Deceased</source>
        <translation>Décédé</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="613"/>
        <source>Other (say why in the note)</source>
        <translation>Autre (précisez dans la note)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="616"/>
        <source>Female</source>
        <translation>Féminin</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="617"/>
        <source>Male</source>
        <translation>Masculin</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="618"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="619"/>
        <source>Prefers not to say</source>
        <translation>Préfère ne pas répondre</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="622"/>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="623"/>
        <source>Closed</source>
        <translation>Clôturé</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="626"/>
        <source>Home visit</source>
        <translation>Visite à domicile</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="627"/>
        <source>Office</source>
        <translation>Au bureau</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="628"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="629"/>
        <source>Video</source>
        <translation>Visioconférence</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="630"/>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="633"/>
        <source>Open</source>
        <translation>À faire</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="635"/>
        <source>Dismissed</source>
        <translation>Sans suite</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="638"/>
        <source>Waiting for an answer</source>
        <translation>En attente de réponse</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="641"/>
        <source>Withdrawn</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="644"/>
        <source>Session&apos;s follow-up</source>
        <translation>Suivi d’un entretien</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="645"/>
        <source>Created by hand</source>
        <translation>Créée à la main</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="648"/>
        <source>Parent</source>
        <translation>Parent</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="649"/>
        <source>Child</source>
        <translation>Enfant</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="650"/>
        <source>Sibling</source>
        <translation>Frère ou sœur</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="651"/>
        <source>Spouse</source>
        <translation>Conjoint ou conjointe</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="652"/>
        <source>Guardian</source>
        <translation>Tuteur ou tutrice</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="653"/>
        <source>Other relative</source>
        <translation>Autre membre de la famille</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="656"/>
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="634"/>
        <location filename="../../desktop/domain/schema.py" line="657"/>
        <source>Done</source>
        <translation>Réalisé</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="598"/>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="599"/>
        <location filename="../../desktop/domain/schema.py" line="639"/>
        <source>Accepted</source>
        <translation>Accepté</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="600"/>
        <location filename="../../desktop/domain/schema.py" line="640"/>
        <source>Declined</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="601"/>
        <location filename="../../desktop/domain/schema.py" line="658"/>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="659"/>
        <source>No-show</source>
        <translation>Non honoré</translation>
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
        <translation>N° de dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="127"/>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="138"/>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="149"/>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="156"/>
        <source>Gender</source>
        <translation>Genre</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="163"/>
        <source>ID number</source>
        <translation>Numéro de pièce d&apos;identité</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="168"/>
        <source>ID card or passport no.</source>
        <translation>carte d&apos;identité ou n° de passeport</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="173"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="183"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="192"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="200"/>
        <source>Preferred language</source>
        <translation>Langue préférée</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="205"/>
        <source>e.g. ar, fr, Swahili</source>
        <translation>p. ex. ar, fr, swahili</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="210"/>
        <location filename="../../desktop/domain/schema.py" line="330"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="225"/>
        <source>Closure reason</source>
        <translation>Motif de clôture</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="233"/>
        <source>Closure note</source>
        <translation>Note de clôture</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="242"/>
        <location filename="../../desktop/domain/schema.py" line="487"/>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="250"/>
        <source>Consent date</source>
        <translation>Date du consentement</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="258"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="267"/>
        <location filename="../../desktop/domain/schema.py" line="297"/>
        <location filename="../../desktop/domain/schema.py" line="369"/>
        <location filename="../../desktop/domain/schema.py" line="467"/>
        <location filename="../../desktop/domain/schema.py" line="541"/>
        <source>Caseworker</source>
        <translation>Gestionnaire de cas</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="275"/>
        <source>Merged into</source>
        <translation>Fusionnée dans</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="286"/>
        <source>Beneficiary</source>
        <translation>Bénéficiaire</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="301"/>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="305"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="310"/>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="315"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="323"/>
        <source>Location</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="338"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="346"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="354"/>
        <source>Follow-up date</source>
        <translation>Date de suivi</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="372"/>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="376"/>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="379"/>
        <source>e.g. Call about the housing application</source>
        <translation>ex. Appeler au sujet de la demande de logement</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="384"/>
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="393"/>
        <source>Session</source>
        <translation>Entretien</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="400"/>
        <location filename="../../desktop/domain/schema.py" line="505"/>
        <location filename="../../desktop/domain/schema.py" line="577"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="409"/>
        <source>Done note</source>
        <translation>Note de réalisation</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="417"/>
        <source>Dismissal reason</source>
        <translation>Motif du classement sans suite</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="434"/>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="442"/>
        <source>Relationship</source>
        <translation>Lien de parenté</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="450"/>
        <source>Head of household</source>
        <translation>Chef de ménage</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="473"/>
        <source>To organisation</source>
        <translation>Organisation destinataire</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="480"/>
        <source>Referral note</source>
        <translation>Note d’orientation</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="493"/>
        <source>Consent recorded</source>
        <translation>Consentement enregistré le</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="499"/>
        <source>Consent recorded by</source>
        <translation>Consentement enregistré par</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="514"/>
        <source>Receiver&apos;s note</source>
        <translation>Note du destinataire</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="522"/>
        <source>Decided</source>
        <translation>Date de décision</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="547"/>
        <source>To</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="561"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="569"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/schema.py" line="586"/>
        <source>Decision note</source>
        <translation>Note de décision</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/tabular.py" line="40"/>
        <source>Record ID</source>
        <translation>ID de la fiche</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <location filename="../../desktop/services/reports.py" line="396"/>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="398"/>
        <source>Caseworker</source>
        <translation>Gestionnaire de cas</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="400"/>
        <source>registration date</source>
        <translation>date d’inscription</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="401"/>
        <source>session start</source>
        <translation>début de l’entretien</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="411"/>
        <source>Active and closed cases</source>
        <translation>Dossiers actifs et clôturés</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="414"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="415"/>
        <source>Cases</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="423"/>
        <source>New registrations per month</source>
        <translation>Nouvelles inscriptions par mois</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="425"/>
        <source>Registrations</source>
        <translation>Inscriptions</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="431"/>
        <source>Sessions per month by kind</source>
        <translation>Entretiens par mois et par type</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="435"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="436"/>
        <location filename="../../desktop/services/reports.py" line="446"/>
        <location filename="../../desktop/services/reports.py" line="543"/>
        <source>Sessions</source>
        <translation>Entretiens</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="444"/>
        <source>Sessions per caseworker</source>
        <translation>Entretiens par gestionnaire de cas</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="452"/>
        <source>Overdue tasks per caseworker</source>
        <translation>Tâches en retard par gestionnaire de cas</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="454"/>
        <source>Overdue tasks</source>
        <translation>Tâches en retard</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="456"/>
        <source>due date (before today)</source>
        <translation>date d’échéance (avant aujourd’hui)</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="461"/>
        <source>Beneficiaries by %1</source>
        <translation>Bénéficiaires par %1</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="462"/>
        <source>Sessions by %1</source>
        <translation>Entretiens par %1</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="542"/>
        <source>Beneficiaries</source>
        <translation>Bénéficiaires</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="613"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reports.py" line="613"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <location filename="../../desktop/ui/messages.py" line="22"/>
        <source>{label} is required.</source>
        <translation>{label}&#xa0;: ce champ est obligatoire.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="23"/>
        <source>{label} must be text.</source>
        <translation>{label}&#xa0;: un texte est attendu.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="24"/>
        <source>{label} contains a control character that cannot be stored.</source>
        <translation>{label}&#xa0;: contient un caractère de contrôle qui ne peut pas être enregistré.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="27"/>
        <source>{label} must be at most {max} characters (it has {length}).</source>
        <translation>{label}&#xa0;: {max} caractères au maximum (il y en a {length}).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="30"/>
        <source>{label} must be one of: {choices}.</source>
        <translation>{label}&#xa0;: valeurs possibles&#xa0;: {choices}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="31"/>
        <source>{label} is not a valid date (use YYYY-MM-DD).</source>
        <translation>{label}&#xa0;: date non valide (format AAAA-MM-JJ).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="32"/>
        <source>{label} is not a valid date and time.</source>
        <translation>{label}&#xa0;: date et heure non valides.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="33"/>
        <source>{label} must be yes or no.</source>
        <translation>{label}&#xa0;: oui ou non attendu.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="34"/>
        <source>{label} must be a whole number.</source>
        <translation>{label}&#xa0;: un nombre entier est attendu.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="35"/>
        <source>{label} must be between {low} and {high}.</source>
        <translation>{label}&#xa0;: doit être compris entre {low} et {high}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="36"/>
        <source>{field} is not a field that can be changed here.</source>
        <translation>{field} n’est pas un champ modifiable ici.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="39"/>
        <source>{label} cannot be in the future.</source>
        <translation>{label}&#xa0;: ne peut pas être dans le futur.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="40"/>
        <source>{label} is not plausible (more than {years} years ago).</source>
        <translation>{label}&#xa0;: invraisemblable (il y a plus de {years} ans).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="43"/>
        <source>{label} must be {min} to {max} digits, optionally with +, spaces, dashes or brackets.</source>
        <translation>{label}&#xa0;: de {min} à {max} chiffres, avec éventuellement +, espaces, tirets ou parenthèses.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="47"/>
        <source>{label} is not a valid address (name@example.org).</source>
        <translation>{label}&#xa0;: adresse non valide (nom@exemple.org).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="50"/>
        <source>{label} must be a language name or code (e.g. ar, fr-CA).</source>
        <translation>{label}&#xa0;: indiquez le nom ou le code d’une langue (p. ex. ar, fr-CA).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="53"/>
        <source>{label} is set but consent is not given.</source>
        <translation>{label}&#xa0;: renseignée alors que le consentement n’est pas donné.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="56"/>
        <source>{label} is required to close a case.</source>
        <translation>{label}&#xa0;: obligatoire pour clôturer un dossier.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="59"/>
        <source>{label} is required when the reason is Other.</source>
        <translation>{label}&#xa0;: obligatoire lorsque le motif est «&#xa0;Autre&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="62"/>
        <source>{label} is not a plausible date ({first_year} to {years} years ahead).</source>
        <translation>{label}&#xa0;: date invraisemblable (de {first_year} à dans {years} ans).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="65"/>
        <source>A session that has not started yet cannot be done or a no-show.</source>
        <translation>Un entretien qui n’a pas encore commencé ne peut être ni réalisé ni non honoré.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="68"/>
        <source>{label} cannot be before the session.</source>
        <translation>{label}&#xa0;: ne peut pas précéder l’entretien.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="71"/>
        <source>{label} may use letters, digits and . _ - @ ({min} to {max} characters).</source>
        <translation>{label}&#xa0;: lettres, chiffres et . _ - @ uniquement (de {min} à {max} caractères).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="74"/>
        <source>The username {username} is already taken.</source>
        <translation>Le nom d’utilisateur {username} est déjà pris.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="75"/>
        <source>{label} must be at least {min} characters.</source>
        <translation>{label}&#xa0;: au moins {min} caractères.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="78"/>
        <source>{label} must be at most {max} characters.</source>
        <translation>{label}&#xa0;: {max} caractères au maximum.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="81"/>
        <source>{label} contains a character that cannot be used.</source>
        <translation>{label}&#xa0;: contient un caractère non autorisé.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="84"/>
        <source>This password is too common; choose another.</source>
        <translation>Ce mot de passe est trop courant&#xa0;; choisissez-en un autre.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="87"/>
        <source>{label} must not be the username.</source>
        <translation>{label}&#xa0;: ne doit pas être le nom d’utilisateur.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="88"/>
        <source>Current password is wrong.</source>
        <translation>Le mot de passe actuel est incorrect.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="89"/>
        <source>{label} is not an active user.</source>
        <translation>{label}&#xa0;: n’est pas un utilisateur actif.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="91"/>
        <source>{label} must be a number.</source>
        <translation>{label}&#xa0;: un nombre est attendu.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="92"/>
        <source>{label} must be at least {min}.</source>
        <translation>{label}&#xa0;: la valeur minimale est {min}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="93"/>
        <source>{label} must be at most {max}.</source>
        <translation>{label}&#xa0;: la valeur maximale est {max}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="94"/>
        <source>{label} is not in the expected format.</source>
        <translation>{label}&#xa0;: le format attendu n’est pas respecté.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="95"/>
        <source>{label} lists the same choice twice.</source>
        <translation>{label}&#xa0;: le même choix figure deux fois.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="96"/>
        <source>{label} is retired: its value can no longer be changed.</source>
        <translation>{label}&#xa0;: ce champ est retiré, sa valeur ne peut plus être modifiée.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="99"/>
        <source>{label} must map field keys to values.</source>
        <translation>{label}&#xa0;: des valeurs associées à des clés de champ sont attendues.</translation>
    </message>
</context>
</TS>
