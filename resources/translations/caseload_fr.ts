<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name></name>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="295"/>
        <source>(not recorded)</source>
        <translation>(non renseigné)</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="296"/>
        <source>Female</source>
        <translation>Féminin</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="297"/>
        <source>Male</source>
        <translation>Masculin</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="298"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="299"/>
        <source>Prefers not to say</source>
        <translation>Préfère ne pas répondre</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../work/main/desktop/ui/models/audit_table.py" line="26"/>
        <source>When (UTC)</source>
        <translation>Date et heure (UTC)</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/models/audit_table.py" line="27"/>
        <source>Who</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/models/audit_table.py" line="28"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/models/audit_table.py" line="29"/>
        <source>Changed fields</source>
        <translation>Champs modifiés</translation>
    </message>
</context>
<context>
    <name>BeneficiaryDetail</name>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="47"/>
        <source>Beneficiary detail</source>
        <translation>Fiche du bénéficiaire</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="55"/>
        <source>Select a beneficiary in the list, or press Ctrl+N to register one.</source>
        <translation>Sélectionnez un bénéficiaire dans la liste ou appuyez sur Ctrl+N pour en enregistrer un nouveau.</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="89"/>
        <source>Case no.</source>
        <translation>N° de dossier</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="90"/>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="91"/>
        <source>Gender</source>
        <translation>Genre</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="92"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="93"/>
        <source>Caseworker</source>
        <translation>Gestionnaire de cas</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="94"/>
        <source>Next follow-up</source>
        <translation>Prochain suivi</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="95"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="96"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="97"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="98"/>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="99"/>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="112"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="121"/>
        <source>Sessions timeline</source>
        <translation>Chronologie des entretiens</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="133"/>
        <source>Sessions</source>
        <translation>Entretiens</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="136"/>
        <location filename="../work/main/desktop/ui/detail.py" line="137"/>
        <source>Follow-ups</source>
        <translation>Suivis</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="141"/>
        <location filename="../work/main/desktop/ui/detail.py" line="145"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="152"/>
        <source>synced</source>
        <translation>synchronisé</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="153"/>
        <source>waiting to sync</source>
        <translation>en attente de synchronisation</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="154"/>
        <source>uploading</source>
        <translation>envoi en cours</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="155"/>
        <source>sync error</source>
        <translation>erreur de synchronisation</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="156"/>
        <source>conflict: a supervisor must resolve it</source>
        <translation>conflit&#xa0;: un superviseur doit le résoudre</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="186"/>
        <source>Closed</source>
        <translation>Clôturé</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="186"/>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="192"/>
        <source>given %s</source>
        <translation>donné le %s</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="194"/>
        <source>not given</source>
        <translation>non donné</translation>
    </message>
    <message numerus="yes">
        <location filename="../work/main/desktop/ui/detail.py" line="216"/>
        <source>Sessions (%n)</source>
        <translation>
            <numerusform>Entretiens (%n)</numerusform>
            <numerusform>Entretiens (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="222"/>
        <source>overdue</source>
        <translation>en retard</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="222"/>
        <source>due</source>
        <translation>à faire</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="224"/>
        <source>%1 (%2), asked for in the session of %3</source>
        <translation>%1 (%2), demandé lors de l’entretien du %3</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/detail.py" line="230"/>
        <source>No follow-ups asked for.</source>
        <translation>Aucun suivi demandé.</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>(non renseigné)</translation>
    </message>
    <message>
        <source>Female</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Féminin</translation>
    </message>
    <message>
        <source>Male</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Masculin</translation>
    </message>
    <message>
        <source>Other</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Prefers not to say</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Préfère ne pas répondre</translation>
    </message>
</context>
<context>
    <name>BeneficiaryForm</name>
    <message>
        <source>(not recorded)</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>(non renseigné)</translation>
    </message>
    <message>
        <source>Female</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Féminin</translation>
    </message>
    <message>
        <source>Male</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Masculin</translation>
    </message>
    <message>
        <source>Other</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Prefers not to say</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Préfère ne pas répondre</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="322"/>
        <source>&amp;First name *</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Prénom *</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="323"/>
        <source>&amp;Last name *</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Nom *</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="326"/>
        <source>Date of &amp;birth</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Date de naissance</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="328"/>
        <source>Year-month-day, e.g. 1984-03-27</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Année-mois-jour, p. ex. 1984-03-27</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="330"/>
        <source>&amp;Gender</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Genre</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="331"/>
        <source>&amp;Phone</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Téléphone</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="332"/>
        <source>&amp;Email</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>E-&amp;mail</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="333"/>
        <source>&amp;Address</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="336"/>
        <source>Preferred &amp;language</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Langue préférée</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="337"/>
        <source>e.g. ar, fr, Swahili</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>p. ex. ar, fr, swahili</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="342"/>
        <source>S&amp;tatus</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Statut</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="345"/>
        <source>Active</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Actif</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="346"/>
        <source>Closed</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Clôturé</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="350"/>
        <source>The beneficiary consented to data processing</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>A consenti au traitement de ses données</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="351"/>
        <source>&amp;Consent</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Consentement</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="352"/>
        <source>Consent &amp;date</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Date d&amp;u consentement</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="353"/>
        <source>&amp;Notes</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>N&amp;otes</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="357"/>
        <source>Case&amp;worker</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Gest&amp;ionnaire de cas</translation>
    </message>
    <message>
        <source>New beneficiary</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Nouveau bénéficiaire</translation>
    </message>
    <message>
        <source>Edit beneficiary %s</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Modifier le bénéficiaire %s</translation>
    </message>
</context>
<context>
    <name>BeneficiaryTableModel</name>
    <message>
        <location filename="../work/main/desktop/ui/models/beneficiary_table.py" line="44"/>
        <source>Case no.</source>
        <translation>N° de dossier</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/models/beneficiary_table.py" line="45"/>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/models/beneficiary_table.py" line="46"/>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/models/beneficiary_table.py" line="47"/>
        <source>Date of birth</source>
        <translation>Naissance</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/models/beneficiary_table.py" line="48"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/models/beneficiary_table.py" line="49"/>
        <source>Caseworker</source>
        <translation>Gestionnaire de cas</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/models/beneficiary_table.py" line="50"/>
        <source>Next follow-up</source>
        <translation>Prochain suivi</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/models/beneficiary_table.py" line="51"/>
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/models/beneficiary_table.py" line="66"/>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/models/beneficiary_table.py" line="67"/>
        <source>Closed</source>
        <translation>Clôturé</translation>
    </message>
</context>
<context>
    <name>CaseSessionForm</name>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="404"/>
        <source>&amp;Start</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Début</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="407"/>
        <source> min</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="409"/>
        <source>&amp;Duration</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>D&amp;urée</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="411"/>
        <source>&amp;Kind</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="413"/>
        <source>&amp;Location</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Lieu</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="416"/>
        <source>S&amp;tatus</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Statut</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="419"/>
        <source>S&amp;ummary</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Résumé</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="420"/>
        <source>&amp;Outcome</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Résult&amp;at</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="421"/>
        <source>&amp;Follow-up date</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Date de su&amp;ivi</translation>
    </message>
    <message>
        <source>New session with %s</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Nouvel entretien avec %s</translation>
    </message>
    <message>
        <source>Edit session with %s</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Modifier l’entretien avec %s</translation>
    </message>
</context>
<context>
    <name>CaseSessionTableModel</name>
    <message>
        <location filename="../work/main/desktop/ui/models/case_session_table.py" line="30"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/models/case_session_table.py" line="31"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/models/case_session_table.py" line="32"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/models/case_session_table.py" line="33"/>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/models/case_session_table.py" line="34"/>
        <source>Location</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/models/case_session_table.py" line="35"/>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/models/case_session_table.py" line="36"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/models/case_session_table.py" line="40"/>
        <source>Home visit</source>
        <translation>Visite à domicile</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/models/case_session_table.py" line="41"/>
        <source>Office</source>
        <translation>Au bureau</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/models/case_session_table.py" line="42"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/models/case_session_table.py" line="43"/>
        <source>Video</source>
        <translation>Visioconférence</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/models/case_session_table.py" line="44"/>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/models/case_session_table.py" line="47"/>
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/models/case_session_table.py" line="48"/>
        <source>Done</source>
        <translation>Réalisé</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/models/case_session_table.py" line="49"/>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/models/case_session_table.py" line="50"/>
        <source>No-show</source>
        <translation>Non honoré</translation>
    </message>
</context>
<context>
    <name>CaseloadPanel</name>
    <message>
        <location filename="../work/main/desktop/ui/caseload.py" line="59"/>
        <source>Search name or case number (Ctrl+F)</source>
        <translation>Rechercher un nom ou un n° de dossier (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/caseload.py" line="60"/>
        <source>Search beneficiaries</source>
        <translation>Rechercher des bénéficiaires</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/caseload.py" line="67"/>
        <source>Status filter</source>
        <translation>Filtre par statut</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/caseload.py" line="68"/>
        <source>Active and closed</source>
        <translation>Actifs et clôturés</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/caseload.py" line="69"/>
        <source>Active</source>
        <translation>Actifs</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/caseload.py" line="70"/>
        <source>Closed</source>
        <translation>Clôturés</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/caseload.py" line="74"/>
        <source>Caseworker filter</source>
        <translation>Filtre par gestionnaire de cas</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/caseload.py" line="75"/>
        <location filename="../work/main/desktop/ui/caseload.py" line="145"/>
        <source>All caseworkers</source>
        <translation>Tous les gestionnaires de cas</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/caseload.py" line="79"/>
        <source>Follow-up filter</source>
        <translation>Filtre par suivi</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/caseload.py" line="80"/>
        <source>Any follow-up</source>
        <translation>Tous les suivis</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/caseload.py" line="81"/>
        <source>Follow-up due today</source>
        <translation>Suivi prévu aujourd’hui</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/caseload.py" line="82"/>
        <source>Follow-up due in 7 days</source>
        <translation>Suivi prévu sous 7 jours</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/caseload.py" line="89"/>
        <source>Number of beneficiaries shown</source>
        <translation>Nombre de bénéficiaires affichés</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/caseload.py" line="94"/>
        <source>Caseload</source>
        <translation>Liste des dossiers</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/caseload.py" line="212"/>
        <source>%1 beneficiaries</source>
        <translation>%1 bénéficiaires</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/caseload.py" line="215"/>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../work/main/desktop/ui/errors.py" line="69"/>
        <source>Caseload: unexpected error</source>
        <translation>Caseload&#xa0;: erreur inattendue</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/errors.py" line="75"/>
        <source>Something went wrong that Caseload did not expect. Your saved records are safe. The details below are also in the log file; please send them to your support contact.</source>
        <translation>Caseload a rencontré une erreur inattendue. Vos données enregistrées sont intactes. Les détails ci-dessous figurent aussi dans le fichier journal&#xa0;; veuillez les transmettre à votre contact d’assistance.</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/errors.py" line="84"/>
        <source>Error report</source>
        <translation>Rapport d’erreur</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/errors.py" line="88"/>
        <location filename="../work/main/desktop/ui/errors.py" line="89"/>
        <source>Copy report</source>
        <translation>Copier le rapport</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/errors.py" line="97"/>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../work/main/desktop/ui/duplicates_dialog.py" line="40"/>
        <location filename="../work/main/desktop/ui/duplicates_dialog.py" line="72"/>
        <source>Possible duplicates</source>
        <translation>Doublons possibles</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/duplicates_dialog.py" line="45"/>
        <source>same name</source>
        <translation>même nom</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/duplicates_dialog.py" line="46"/>
        <source>similar name</source>
        <translation>nom proche</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/duplicates_dialog.py" line="47"/>
        <source>same date of birth</source>
        <translation>même date de naissance</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/duplicates_dialog.py" line="48"/>
        <source>same phone number</source>
        <translation>même numéro de téléphone</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/duplicates_dialog.py" line="53"/>
        <source>This person may already be registered. Open the existing record instead of registering them twice, or register them anyway if this is someone else.</source>
        <translation>Cette personne est peut-être déjà enregistrée. Ouvrez la fiche existante plutôt que de l’enregistrer deux fois, ou enregistrez-la quand même s’il s’agit de quelqu’un d’autre.</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/duplicates_dialog.py" line="65"/>
        <source>Case number</source>
        <translation>N° de dossier</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/duplicates_dialog.py" line="66"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/duplicates_dialog.py" line="67"/>
        <source>Born</source>
        <translation>Naissance</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/duplicates_dialog.py" line="68"/>
        <source>Caseworker</source>
        <translation>Gestionnaire de cas</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/duplicates_dialog.py" line="69"/>
        <source>Why</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/duplicates_dialog.py" line="80"/>
        <source>(another caseload)</source>
        <translation>(dossier d’un collègue)</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/duplicates_dialog.py" line="93"/>
        <source>Ask a supervisor: you may not open another caseload&apos;s records.</source>
        <translation>Demandez à un superviseur&#xa0;: vous ne pouvez pas ouvrir les dossiers de vos collègues.</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/duplicates_dialog.py" line="100"/>
        <source>&amp;Open selected</source>
        <translation>&amp;Ouvrir la sélection</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/duplicates_dialog.py" line="102"/>
        <source>&amp;Register anyway</source>
        <translation>&amp;Enregistrer quand même</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/duplicates_dialog.py" line="104"/>
        <source>Go &amp;back</source>
        <translation>&amp;Retour</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../work/main/desktop/ui/lock.py" line="83"/>
        <source>Caseload is locked</source>
        <translation>Caseload est verrouillé</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/lock.py" line="95"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/lock.py" line="96"/>
        <source>Password to unlock</source>
        <translation>Mot de passe de déverrouillage</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/lock.py" line="103"/>
        <source>Unlock error</source>
        <translation>Erreur de déverrouillage</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/lock.py" line="113"/>
        <location filename="../work/main/desktop/ui/lock.py" line="115"/>
        <source>Switch user</source>
        <translation>Changer d’utilisateur</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/lock.py" line="119"/>
        <location filename="../work/main/desktop/ui/lock.py" line="121"/>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/lock.py" line="135"/>
        <source>Locked for %1 (%2). Enter your password to continue.</source>
        <translation>Verrouillé pour %1 (%2). Saisissez votre mot de passe pour continuer.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="103"/>
        <source>Caseload: log in</source>
        <translation>Caseload&#xa0;: connexion</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="108"/>
        <source>Log in to open the encrypted case records.</source>
        <translation>Connectez-vous pour ouvrir les dossiers chiffrés.</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="112"/>
        <source>Username</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="113"/>
        <source>&amp;Username</source>
        <translation>Nom d’&amp;utilisateur</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="117"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="118"/>
        <source>&amp;Password</source>
        <translation>Mot de &amp;passe</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="125"/>
        <source>Login error</source>
        <translation>Erreur de connexion</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="133"/>
        <location filename="../work/main/desktop/ui/login.py" line="136"/>
        <source>Log in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="139"/>
        <location filename="../work/main/desktop/ui/login.py" line="141"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="144"/>
        <source>&amp;Restore backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="147"/>
        <source>Restore backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="169"/>
        <source>Enter your username and password.</source>
        <translation>Saisissez votre nom d’utilisateur et votre mot de passe.</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="216"/>
        <source>Choose a Caseload backup</source>
        <translation>Choisir une sauvegarde Caseload</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="218"/>
        <source>Caseload backups (*.db);;All files (*)</source>
        <translation>Sauvegardes Caseload (*.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="229"/>
        <source>Enter your username and password first: they prove who restores.</source>
        <translation>Saisissez d’abord votre nom d’utilisateur et votre mot de passe&#xa0;: ils attestent de qui effectue la restauration.</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="250"/>
        <source>The backup was restored (the replaced file is kept in %1). Log in.</source>
        <translation>La sauvegarde a été restaurée (le fichier remplacé est conservé dans %1). Connectez-vous.</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="273"/>
        <source>You can try again now.</source>
        <translation>Vous pouvez réessayer maintenant.</translation>
    </message>
    <message numerus="yes">
        <location filename="../work/main/desktop/ui/login.py" line="281"/>
        <source>Wait %n second(s) before trying again.</source>
        <translation>
            <numerusform>Patientez %n seconde avant de réessayer.</numerusform>
            <numerusform>Patientez %n secondes avant de réessayer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Caseload logo</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Logo de Caseload</translation>
    </message>
    <message>
        <source>Caseload</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Caseload</translation>
    </message>
    <message>
        <source>Working</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Traitement en cours</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="56"/>
        <source>caseworker</source>
        <translation>gestionnaire de cas</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="57"/>
        <source>supervisor</source>
        <translation>superviseur</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="58"/>
        <source>admin</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="295"/>
        <source>Logged-in user</source>
        <translation>Utilisateur connecté</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="300"/>
        <source>Changes waiting to sync</source>
        <translation>Modifications en attente de synchronisation</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="303"/>
        <source>Last backup</source>
        <translation>Dernière sauvegarde</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="307"/>
        <source>Background task progress</source>
        <translation>Progression de la tâche en arrière-plan</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="311"/>
        <source>Sync state</source>
        <translation>État de la synchronisation</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="323"/>
        <source>Caseload — %1 (%2)</source>
        <translation>Caseload — %1 (%2)</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="328"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="332"/>
        <source>Unlocked</source>
        <translation>Déverrouillé</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="479"/>
        <source>Saved %1.</source>
        <translation>Dossier %1 enregistré.</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="529"/>
        <source>Session cancelled.</source>
        <translation>Entretien annulé.</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="535"/>
        <source>Delete session</source>
        <translation>Supprimer l’entretien</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="535"/>
        <source>Delete this session?</source>
        <translation>Supprimer cet entretien&#xa0;?</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="538"/>
        <source>Session deleted.</source>
        <translation>Entretien supprimé.</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="542"/>
        <source>Session saved.</source>
        <translation>Entretien enregistré.</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="549"/>
        <source>Caseload is locked; unlock it to save.</source>
        <translation>Caseload est verrouillé&#xa0;; déverrouillez-le pour enregistrer.</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="582"/>
        <source>Close case</source>
        <translation>Clôturer le dossier</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="583"/>
        <source>Close the case of %1? It can be reopened later.</source>
        <translation>Clôturer le dossier de %1&#xa0;? Il pourra être rouvert plus tard.</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="589"/>
        <source>Case closed.</source>
        <translation>Dossier clôturé.</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="594"/>
        <source>Case reopened.</source>
        <translation>Dossier rouvert.</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="608"/>
        <source>Reassign</source>
        <translation>Réaffecter</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="609"/>
        <source>New caseworker for %1:</source>
        <translation>Nouveau gestionnaire de cas pour %1&#xa0;:</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="619"/>
        <source>Reassigned to %1.</source>
        <translation>Réaffecté à %1.</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="627"/>
        <source>Delete beneficiary</source>
        <translation>Supprimer le bénéficiaire</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="628"/>
        <source>Delete %1 (%2) and all their sessions? The deletion is recorded and synced.</source>
        <translation>Supprimer %1 (%2) et tous ses entretiens&#xa0;? La suppression est consignée et synchronisée.</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="634"/>
        <source>Deleted.</source>
        <translation>Supprimé.</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="673"/>
        <source>About Caseload</source>
        <translation>À propos de Caseload</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="674"/>
        <source>Caseload %1
Offline-first case management with encrypted storage.</source>
        <translation>Caseload %1
Gestion de cas conçue pour fonctionner hors ligne, avec stockage chiffré.</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="684"/>
        <source>Restore backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="686"/>
        <source>Restoring replaces every record on this computer with the backup&apos;s. Caseload logs you out; in the login window enter your password and choose the backup file. Continue?</source>
        <translation>La restauration remplace toutes les données de cet ordinateur par celles de la sauvegarde. Caseload vous déconnecte&#xa0;; dans la fenêtre de connexion, saisissez votre mot de passe et choisissez le fichier de sauvegarde. Continuer&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <location filename="../work/main/desktop/ui/main_window.py" line="713"/>
        <source>%1 change(s) waiting to sync</source>
        <translation>
            <numerusform>%1 modification en attente de synchronisation</numerusform>
            <numerusform>%1 modifications en attente de synchronisation</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="718"/>
        <source>Last backup: %1</source>
        <translation>Dernière sauvegarde&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="720"/>
        <source>No backup yet</source>
        <translation>Aucune sauvegarde pour l’instant</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="746"/>
        <location filename="../work/main/desktop/ui/main_window.py" line="748"/>
        <source>Backing up…</source>
        <translation>Sauvegarde en cours…</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="763"/>
        <source>Backup written: %1</source>
        <translation>Sauvegarde enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="811"/>
        <source>Locked</source>
        <translation>Verrouillé</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="868"/>
        <source>Switch user</source>
        <translation>Changer d’utilisateur</translation>
    </message>
    <message numerus="yes">
        <location filename="../work/main/desktop/ui/main_window.py" line="869"/>
        <location filename="../work/main/desktop/ui/main_window.py" line="898"/>
        <source>Discard the unsaved changes in %n open form(s)?</source>
        <translation>
            <numerusform>Abandonner les modifications non enregistrées de %n formulaire ouvert&#xa0;?</numerusform>
            <numerusform>Abandonner les modifications non enregistrées de %n formulaires ouverts&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="897"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="158"/>
        <source>&amp;New beneficiary</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Nouveau bénéficiaire</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="164"/>
        <source>New &amp;session</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Nouvel &amp;entretien</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="170"/>
        <source>&amp;Edit</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Modifier</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="173"/>
        <source>&amp;Save</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="176"/>
        <source>Edit session…</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Modifier l’entretien…</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="178"/>
        <source>Cancel session</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Annuler l’entretien</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="179"/>
        <source>Delete session…</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Supprimer l’entretien…</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="181"/>
        <source>&amp;Close case</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Clôturer</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="183"/>
        <source>&amp;Reopen case</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Ro&amp;uvrir</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="185"/>
        <source>Re&amp;assign…</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Réa&amp;ffecter…</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="188"/>
        <source>&amp;Delete…</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="191"/>
        <source>&amp;Find</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Rec&amp;hercher</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="197"/>
        <source>&amp;Refresh</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="200"/>
        <source>&amp;Lock</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="202"/>
        <source>S&amp;witch user…</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Changer d’utilisateur…</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="203"/>
        <source>&amp;Users…</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Utilisateurs…</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="205"/>
        <source>Se&amp;ttings…</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="208"/>
        <source>&amp;Back up now</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="210"/>
        <source>&amp;Restore backup…</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="212"/>
        <source>&amp;Quit</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="214"/>
        <source>&amp;About Caseload</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>À &amp;propos de Caseload</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="216"/>
        <source>S&amp;ync with server…</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Synchroniser avec le serveur…</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="224"/>
        <source>&amp;File</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="232"/>
        <source>&amp;Records</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Dossiers</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="249"/>
        <source>S&amp;ync</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Synchronisation</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="252"/>
        <source>&amp;Admin</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Ad&amp;ministration</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="255"/>
        <source>&amp;Help</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/main_window.py" line="258"/>
        <source>Main toolbar</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Barre d’outils principale</translation>
    </message>
</context>
<context>
    <name>QDialog</name>
    <message>
        <location filename="../work/main/desktop/ui/sync_status.py" line="11"/>
        <source>Sync: not set up</source>
        <translation>Synchronisation&#xa0;: non configurée</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_status.py" line="14"/>
        <source>%1 conflict(s)</source>
        <translation>%1 conflit(s)</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_status.py" line="16"/>
        <source>%1 refused</source>
        <translation>%1 refusé(s)</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_status.py" line="18"/>
        <source>sign in needed</source>
        <translation>connexion requise</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_status.py" line="21"/>
        <source>last sync %1</source>
        <translation>dernière synchronisation le %1</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_status.py" line="21"/>
        <source>never synced</source>
        <translation>jamais synchronisé</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_status.py" line="23"/>
        <source>Sync: </source>
        <translation>Synchronisation&#xa0;: </translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="115"/>
        <source>Form error</source>
        <translation>Erreur dans le formulaire</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="133"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="135"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="136"/>
        <source>Save (Ctrl+S)</source>
        <translation>Enregistrer (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="138"/>
        <location filename="../work/main/desktop/ui/forms.py" line="139"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="257"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/forms.py" line="258"/>
        <source>Save your changes before closing?</source>
        <translation>Enregistrer vos modifications avant de fermer&#xa0;?</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../work/main/desktop/ui/settings_dialog.py" line="33"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/settings_dialog.py" line="40"/>
        <source>Lock after idle minutes</source>
        <translation>Minutes d’inactivité avant verrouillage</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/settings_dialog.py" line="42"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/settings_dialog.py" line="44"/>
        <source>&amp;Lock after idle time</source>
        <translation>&amp;Verrouiller après inactivité</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/settings_dialog.py" line="49"/>
        <location filename="../work/main/desktop/ui/settings_dialog.py" line="76"/>
        <source>Backup folder</source>
        <translation>Dossier de sauvegarde</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/settings_dialog.py" line="52"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/settings_dialog.py" line="53"/>
        <source>Browse for backup folder</source>
        <translation>Choisir le dossier de sauvegarde</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/settings_dialog.py" line="56"/>
        <source>Backup &amp;folder</source>
        <translation>&amp;Dossier de sauvegarde</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/settings_dialog.py" line="57"/>
        <source>Back up automatically once a day</source>
        <translation>Sauvegarder automatiquement une fois par jour</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/settings_dialog.py" line="59"/>
        <source>Automatic daily backup</source>
        <translation>Sauvegarde quotidienne automatique</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/settings_dialog.py" line="62"/>
        <source>Back up &amp;now</source>
        <translation>Sauvegarder &amp;maintenant</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/settings_dialog.py" line="63"/>
        <source>Back up now</source>
        <translation>Sauvegarder maintenant</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="316"/>
        <source>Caseload: first start</source>
        <translation>Caseload&#xa0;: premier démarrage</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="324"/>
        <source>Welcome. Caseload keeps case records encrypted on this computer. Create the first administrator account; it can add the other users.</source>
        <translation>Bienvenue. Caseload conserve les dossiers chiffrés sur cet ordinateur. Créez le premier compte administrateur&#xa0;; il pourra ajouter les autres utilisateurs.</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="349"/>
        <source>Admin &amp;username</source>
        <translation>Nom d’&amp;utilisateur de l’administrateur</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="350"/>
        <source>&amp;Display name</source>
        <translation>Nom &amp;affiché</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="351"/>
        <source>&amp;Password</source>
        <translation>Mot de &amp;passe</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="352"/>
        <source>&amp;Repeat password</source>
        <translation>&amp;Confirmer le mot de passe</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="356"/>
        <source>Use a long passphrase (at least 8 characters). There is no way to recover the records if every password is lost.</source>
        <translation>Choisissez une longue phrase secrète (au moins 8 caractères). Si tous les mots de passe sont perdus, les dossiers sont irrécupérables.</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="368"/>
        <location filename="../work/main/desktop/ui/login.py" line="371"/>
        <source>Create database</source>
        <translation>Créer la base de données</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="374"/>
        <location filename="../work/main/desktop/ui/login.py" line="376"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="396"/>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe sont différents.</translation>
    </message>
    <message>
        <source>Caseload logo</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Logo de Caseload</translation>
    </message>
    <message>
        <source>Caseload</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Caseload</translation>
    </message>
    <message>
        <source>Working</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Traitement en cours</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="70"/>
        <source>Sync with the central server</source>
        <translation>Synchronisation avec le serveur central</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="75"/>
        <source>Server account</source>
        <translation>Compte sur le serveur</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="79"/>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="81"/>
        <source>Server username</source>
        <translation>Nom d’utilisateur sur le serveur</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="84"/>
        <source>Server password</source>
        <translation>Mot de passe sur le serveur</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="85"/>
        <source>asked once; only a token is kept</source>
        <translation>demandé une seule fois&#xa0;; seul un jeton est conservé</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="86"/>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="87"/>
        <source>&amp;Username:</source>
        <translation>Nom d’&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="88"/>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="90"/>
        <source>Sign &amp;in</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="91"/>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="112"/>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="115"/>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="112"/>
        <source>Reason the server gave</source>
        <translation>Motif donné par le serveur</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="115"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="115"/>
        <source>Here</source>
        <translation>Sur cet ordinateur</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="115"/>
        <source>On the server</source>
        <translation>Sur le serveur</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="123"/>
        <source>Keep &amp;mine</source>
        <translation>Garder &amp;ma version</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="124"/>
        <source>Keep &amp;theirs</source>
        <translation>Garder la version du ser&amp;veur</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="125"/>
        <source>&amp;Edit…</source>
        <translation>Mod&amp;ifier…</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="137"/>
        <source>Refused records</source>
        <translation>Fiches refusées</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="138"/>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="144"/>
        <source>Sync progress</source>
        <translation>Progression de la synchronisation</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="147"/>
        <source>Sync &amp;now</source>
        <translation>Synchro&amp;niser maintenant</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="151"/>
        <source>&amp;Cancel sync</source>
        <translation>&amp;Annuler la synchronisation</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="186"/>
        <source>Signed in to %1 as %2.</source>
        <translation>Connecté à %1 en tant que %2.</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="191"/>
        <source>Not signed in to a server.</source>
        <translation>Non connecté à un serveur.</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="195"/>
        <source>Changes waiting to be sent: %1</source>
        <translation>Modifications en attente d’envoi&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="198"/>
        <source>Last sync: %1</source>
        <translation>Dernière synchronisation&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="200"/>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="210"/>
        <source>Refused records (%1)</source>
        <translation>Fiches refusées (%1)</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="213"/>
        <source>Conflicts (%1)</source>
        <translation>Conflits (%1)</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="266"/>
        <source>Unencrypted connection</source>
        <translation>Connexion non chiffrée</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="289"/>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="306"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="311"/>
        <source>sent</source>
        <translation>envoyés</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="311"/>
        <source>received</source>
        <translation>reçus</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="327"/>
        <source>Records differ from the server</source>
        <translation>Les fiches diffèrent de celles du serveur</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="329"/>
        <source>After this sync the records here do not match the server&apos;s. Run a full resync now? Changes not yet sent are kept.</source>
        <translation>Après cette synchronisation, les fiches de cet ordinateur ne correspondent pas à celles du serveur. Lancer maintenant une resynchronisation complète&#xa0;? Les modifications pas encore envoyées sont conservées.</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="340"/>
        <source>Sync cancelled; nothing was lost.</source>
        <translation>Synchronisation annulée&#xa0;; rien n’a été perdu.</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/sync_panel.py" line="353"/>
        <source>Edit value</source>
        <translation>Modifier la valeur</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../work/main/desktop/ui/users_dialog.py" line="123"/>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/users_dialog.py" line="131"/>
        <source>Local users</source>
        <translation>Utilisateurs locaux</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/users_dialog.py" line="133"/>
        <source>Username</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/users_dialog.py" line="133"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/users_dialog.py" line="133"/>
        <location filename="../work/main/desktop/ui/users_dialog.py" line="208"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/users_dialog.py" line="133"/>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/users_dialog.py" line="142"/>
        <source>&amp;Add user…</source>
        <translation>&amp;Ajouter un utilisateur…</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/users_dialog.py" line="143"/>
        <source>&amp;Deactivate</source>
        <translation>&amp;Désactiver</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/users_dialog.py" line="144"/>
        <source>&amp;Reset password…</source>
        <translation>&amp;Réinitialiser le mot de passe…</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/users_dialog.py" line="145"/>
        <source>Change &amp;role…</source>
        <translation>&amp;Modifier le rôle…</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/users_dialog.py" line="156"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/users_dialog.py" line="176"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/users_dialog.py" line="176"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/users_dialog.py" line="202"/>
        <source>Add user</source>
        <translation>Ajouter un utilisateur</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/users_dialog.py" line="204"/>
        <source>&amp;Username</source>
        <translation>Nom d’&amp;utilisateur</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/users_dialog.py" line="205"/>
        <source>&amp;Display name</source>
        <translation>Nom &amp;affiché</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/users_dialog.py" line="211"/>
        <source>R&amp;ole</source>
        <translation>&amp;Rôle</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/users_dialog.py" line="229"/>
        <source>New password for %1</source>
        <translation>Nouveau mot de passe pour %1</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/users_dialog.py" line="252"/>
        <source>Deactivate user</source>
        <translation>Désactiver l’utilisateur</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/users_dialog.py" line="253"/>
        <source>Deactivate %1? They will no longer be able to log in.</source>
        <translation>Désactiver %1&#xa0;? Cette personne ne pourra plus se connecter.</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/users_dialog.py" line="269"/>
        <source>Change role</source>
        <translation>Modifier le rôle</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/users_dialog.py" line="270"/>
        <source>Role of %1:</source>
        <translation>Rôle de %1&#xa0;:</translation>
    </message>
</context>
<context>
    <name>_UserFormDialog</name>
    <message>
        <location filename="../work/main/desktop/ui/users_dialog.py" line="102"/>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe sont différents.</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>Mot de &amp;passe</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translatorcomment>Run-time context (see README)</translatorcomment>
        <translation>&amp;Confirmer le mot de passe</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../work/main/desktop/ui/users_dialog.py" line="39"/>
        <source>&amp;Password</source>
        <translation>Mot de &amp;passe</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/users_dialog.py" line="40"/>
        <source>&amp;Repeat password</source>
        <translation>&amp;Confirmer le mot de passe</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../work/main/desktop/ui/errors.py" line="108"/>
        <source>Caseload</source>
        <translation>Caseload</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="52"/>
        <source>Caseload logo</source>
        <translation>Logo de Caseload</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="55"/>
        <source>Caseload</source>
        <translation>Caseload</translation>
    </message>
    <message>
        <location filename="../work/main/desktop/ui/login.py" line="76"/>
        <source>Working</source>
        <translation>Traitement en cours</translation>
    </message>
</context>
</TS>
