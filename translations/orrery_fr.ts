<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AlertmanagerEndpoint</name>
    <message>
        <source>"%1" is not an Alertmanager: give an http(s) URL (http://127.0.0.1:9093) or a Service (service/NAMESPACE/NAME[:PORT])</source>
        <translation>"%1" n'est pas un Alertmanager : indiquez une URL http(s) (http://127.0.0.1:9093) ou un Service (service/NAMESPACE/NAME[:PORT])</translation>
    </message>
</context>
<context>
    <name>AlertmanagerResponse</name>
    <message>
        <source>alerts</source>
        <translation>alertes</translation>
    </message>
    <message>
        <source>silences</source>
        <translation>silences</translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <source>orrery: %1</source>
        <translation>orrery: %1</translation>
    </message>
    <message>
        <source>orrery: context "%1": %2</source>
        <translation>orrery: contexte "%1" : %2</translation>
    </message>
    <message>
        <source>no answer in %1 s</source>
        <translation>pas de réponse en %1 s</translation>
    </message>
    <message>
        <source>No active alerts at %1</source>
        <translation>Aucune alerte active sur %1</translation>
    </message>
    <message>
        <source>usage: orrery --alerts [--context NAME] [--kubeconfig FILE] [--alertmanager URL|service/NAMESPACE/NAME[:PORT]] [--json]</source>
        <translation>usage : orrery --alerts [--context NOM] [--kubeconfig FICHIER] [--alertmanager URL|service/NAMESPACE/NAME[:PORT]] [--json]</translation>
    </message>
    <message>
        <source>orrery: context "%1": Alertmanager setting: %2</source>
        <translation>orrery : contexte "%1" : réglage Alertmanager : %2</translation>
    </message>
    <message>
        <source>orrery: listing the Services of context "%1": %2</source>
        <translation>orrery : liste des Services du contexte "%1" : %2</translation>
    </message>
    <message>
        <source>orrery: or name one with --alertmanager URL|service/NAMESPACE/NAME[:PORT]</source>
        <translation>orrery : ou indiquez-en un avec --alertmanager URL|service/NAMESPACE/NAME[:PORT]</translation>
    </message>
</context>
<context>
    <name>AlertsUnavailable</name>
    <message>
        <source>no Alertmanager is set for this context (--alertmanager URL, or the context's monitoring settings)</source>
        <translation>aucun Alertmanager n'est défini pour ce contexte (--alertmanager URL, ou les réglages de supervision du contexte)</translation>
    </message>
    <message>
        <source>Alertmanager at %1 could not be reached: %2</source>
        <translation>L'Alertmanager à %1 est injoignable : %2</translation>
    </message>
    <message>
        <source>forbidden: reaching Alertmanager through the API server needs the verb "get" on services/proxy in namespace "%1"</source>
        <translation>interdit : joindre Alertmanager via le serveur d'API nécessite le verbe "get" sur services/proxy dans l'espace de noms "%1"</translation>
    </message>
    <message>
        <source>forbidden: Alertmanager at %1 answered 403: %2</source>
        <translation>interdit : l'Alertmanager à %1 a répondu 403 : %2</translation>
    </message>
    <message>
        <source>no Alertmanager API v2 at %1 (HTTP 404: %2)</source>
        <translation>aucune API v2 d'Alertmanager à %1 (HTTP 404 : %2)</translation>
    </message>
    <message>
        <source>Alertmanager at %1 answered HTTP %2: %3</source>
        <translation>L'Alertmanager à %1 a répondu HTTP %2 : %3</translation>
    </message>
</context>
<context>
    <name>Clouds</name>
    <message>
        <source>orrery: the demo cluster could not start: %1</source>
        <translation>orrery: le cluster de démonstration n'a pas pu démarrer : %1</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>délai dépassé</translation>
    </message>
    <message>
        <source>orrery: no cloud account "%1" (found: %2)</source>
        <translation>orrery : aucun compte cloud « %1 » (trouvés : %2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>orrery: no cloud credentials found (see docs/clouds.md: ~/.aws, az login, gcloud, FLY_API_TOKEN, RAILWAY_TOKEN)</source>
        <translation>orrery : aucun identifiant cloud trouvé (voir docs/clouds.md : ~/.aws, az login, gcloud, FLY_API_TOKEN, RAILWAY_TOKEN)</translation>
    </message>
    <message>
        <source>orrery: the cloud accounts did not answer in time</source>
        <translation>orrery : les comptes cloud n'ont pas répondu à temps</translation>
    </message>
    <message numerus="yes">
        <source>token expires in %n min</source>
        <translation>
            <numerusform>le jeton expire dans %n min</numerusform><numerusform>le jeton expire dans %n min</numerusform></translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>erreur : %1</translation>
    </message>
    <message>
        <source>orrery: --add-to-kubeconfig takes a cluster's ref (its ARN, resource id or name, as --clouds prints it)</source>
        <translation>orrery : --add-to-kubeconfig attend la référence d'un cluster (son ARN, son identifiant de ressource ou son nom, tel que --clouds l'affiche)</translation>
    </message>
    <message>
        <source>orrery: no cluster "%1" in the cloud accounts (orrery --clouds lists them; a name found in two accounts needs its ref)</source>
        <translation>orrery : aucun cluster « %1 » dans les comptes cloud (orrery --clouds les liste ; un nom présent dans deux comptes nécessite sa référence)</translation>
    </message>
    <message>
        <source>orrery: cannot add to kubeconfig: %1</source>
        <translation>orrery : impossible d'ajouter au kubeconfig : %1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>avertissement : %1</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <source>fix the context's entries in the kubeconfig</source>
        <translation>corrigez les entrées du contexte dans le kubeconfig</translation>
    </message>
    <message>
        <source>kubeconfig</source>
        <translation>kubeconfig</translation>
    </message>
    <message>
        <source>credentials</source>
        <translation>identifiants</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>the credential provider did not answer</source>
        <translation>le fournisseur d'identifiants n'a pas répondu</translation>
    </message>
    <message>
        <source>credentials: %1</source>
        <translation>identifiants : %1</translation>
    </message>
    <message>
        <source>log in again or repair the user entry</source>
        <translation>reconnectez-vous ou réparez l'entrée utilisateur</translation>
    </message>
    <message>
        <source>the client certificate cannot be read</source>
        <translation>le certificat client est illisible</translation>
    </message>
    <message>
        <source>replace client-certificate-data with a PEM certificate</source>
        <translation>remplacez client-certificate-data par un certificat PEM</translation>
    </message>
    <message>
        <source>the client certificate expired on %1</source>
        <translation>le certificat client a expiré le %1</translation>
    </message>
    <message>
        <source>get a new certificate from the cluster administrator</source>
        <translation>demandez un nouveau certificat à l'administrateur du cluster</translation>
    </message>
    <message>
        <source>certificate %1, expires %2 (in %3 days)</source>
        <translation>certificat %1, expire le %2 (dans %3 jours)</translation>
    </message>
    <message>
        <source>token expires %1</source>
        <translation>le jeton expire le %1</translation>
    </message>
    <message>
        <source>reachability</source>
        <translation>joignabilité</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>pas de réponse</translation>
    </message>
    <message>
        <source>%1 is not reachable: %2</source>
        <translation>%1 n'est pas joignable : %2</translation>
    </message>
    <message>
        <source>check the server URL, VPN and proxy settings</source>
        <translation>vérifiez l'URL du serveur et les paramètres VPN et proxy</translation>
    </message>
    <message>
        <source>HTTP 401</source>
        <translation>HTTP 401</translation>
    </message>
    <message>
        <source>the server rejected the credentials (401)</source>
        <translation>le serveur a refusé les identifiants (401)</translation>
    </message>
    <message>
        <source>log in again, or refresh the token or certificate</source>
        <translation>reconnectez-vous, ou renouvelez le jeton ou le certificat</translation>
    </message>
    <message>
        <source>%1, HTTP/%2, %3 ms</source>
        <translation>%1, HTTP/%2, %3 ms</translation>
    </message>
    <message>
        <source>unknown version</source>
        <translation>version inconnue</translation>
    </message>
    <message>
        <source>permissions</source>
        <translation>permissions</translation>
    </message>
    <message>
        <source>SelfSubjectAccessReview is not available; permissions are shown by the sync below</source>
        <translation>SelfSubjectAccessReview n'est pas disponible ; les permissions ressortent de la synchronisation ci-dessous</translation>
    </message>
    <message>
        <source>denied: %1</source>
        <translation>refusé : %1</translation>
    </message>
    <message>
        <source>list, watch and patch allowed on %1 kinds</source>
        <translation>list, watch et patch autorisés sur %1 types</translation>
    </message>
    <message>
        <source>sync</source>
        <translation>synchronisation</translation>
    </message>
    <message>
        <source>API discovery failed: %1</source>
        <translation>échec de la découverte de l'API : %1</translation>
    </message>
    <message>
        <source>check that the server is a Kubernetes API server</source>
        <translation>vérifiez que le serveur est bien un serveur d'API Kubernetes</translation>
    </message>
    <message>
        <source>%1 objects of %2 kinds in %3 ms</source>
        <translation>%1 objets de %2 types en %3 ms</translation>
    </message>
    <message>
        <source>; %1 kinds not synced</source>
        <translation>; %1 types non synchronisés</translation>
    </message>
    <message>
        <source>; timed out</source>
        <translation>; délai dépassé</translation>
    </message>
    <message>
        <source>no kind could be listed</source>
        <translation>aucun type n'a pu être listé</translation>
    </message>
    <message>
        <source>the sync did not finish in time</source>
        <translation>la synchronisation ne s'est pas terminée à temps</translation>
    </message>
    <message>
        <source>check RBAC permissions (kubectl auth can-i list pods -A) and the network</source>
        <translation>vérifiez les permissions RBAC (kubectl auth can-i list pods -A) et le réseau</translation>
    </message>
    <message>
        <source>Context "%1"</source>
        <translation>Contexte « %1 »</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>ÉCHEC</translation>
    </message>
    <message>
        <source>WARN</source>
        <translation>AVERT</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>KIND</translation>
    </message>
    <message>
        <source>OBJECTS</source>
        <translation>OBJETS</translation>
    </message>
    <message>
        <source>LIST ms</source>
        <translation>LIST ms</translation>
    </message>
    <message>
        <source>DECODE ms</source>
        <translation>DÉCOD. ms</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>ÉTAT</translation>
    </message>
    <message>
        <source>  =&gt; usable</source>
        <translation>  =&gt; utilisable</translation>
    </message>
    <message>
        <source>  =&gt; UNUSABLE: %1
     fix: %2</source>
        <translation>  =&gt; INUTILISABLE : %1
     correctif : %2</translation>
    </message>
    <message>
        <source>orrery: no contexts found (tried: %1)</source>
        <translation>orrery : aucun contexte trouvé (essayé : %1)</translation>
    </message>
    <message>
        <source>%1 answered, but TLS verification failed: %2</source>
        <translation>%1 a répondu, mais la vérification TLS a échoué : %2</translation>
    </message>
    <message>
        <source>orrery: the kubeconfig has errors; these entries were not loaded:</source>
        <translation>orrery : le kubeconfig contient des erreurs ; ces entrées n'ont pas été chargées :</translation>
    </message>
    <message>
        <source>orrery: no usable context: fix the errors above</source>
        <translation>orrery : aucun contexte utilisable : corrigez les erreurs ci-dessus</translation>
    </message>
</context>
<context>
    <name>ExportPipeline</name>
    <message>
        <source>--export-pipeline RUN needs a file ending in .png, .svg or .json after it, not "%1"</source>
        <translation>--export-pipeline RUN doit être suivi d'un fichier se terminant par .png, .svg ou .json, et non « %1 »</translation>
    </message>
    <message>
        <source>unknown --theme "%1"; use system, light or dark.</source>
        <translation>--theme « %1 » inconnu ; utilisez system, light ou dark.</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1 is too large for a run</source>
        <translation>%1 est trop volumineux pour une exécution</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s</source>
        <translation>%1 n'a pas répondu en %2 s</translation>
    </message>
    <message numerus="yes">
        <source>wrote %1 (run #%2, %n job(s))</source>
        <translation>
            <numerusform>%1 écrit (exécution n° %2, %n tâche)</numerusform><numerusform>%1 écrit (exécution n° %2, %n tâches)</numerusform></translation>
    </message>
</context>
<context>
    <name>ExportTopology</name>
    <message>
        <source>--export-topology needs a file ending in .png, .svg or .json, not "%1"</source>
        <translation>--export-topology attend un fichier se terminant par .png, .svg ou .json, pas « %1 »</translation>
    </message>
    <message>
        <source>no kubeconfig could be read</source>
        <translation>aucun kubeconfig n'a pu être lu</translation>
    </message>
    <message>
        <source>--export-topology needs --context (the kubeconfig has no current context)</source>
        <translation>--export-topology nécessite --context (le kubeconfig n'a pas de contexte courant)</translation>
    </message>
    <message>
        <source>cannot reach context "%1": %2</source>
        <translation>impossible de joindre le contexte « %1 » : %2</translation>
    </message>
    <message>
        <source>context "%1" did not finish syncing within %2 s</source>
        <translation>le contexte « %1 » n'a pas fini sa synchronisation en %2 s</translation>
    </message>
    <message>
        <source>wrote %1 (%2 nodes, %3 edges)</source>
        <translation>%1 écrit (%2 nœuds, %3 arêtes)</translation>
    </message>
</context>
<context>
    <name>FlyResponse</name>
    <message numerus="yes">
        <source>%n machine(s), %1 started</source>
        <translation>
            <numerusform>%n machine, %1 démarrée(s)</numerusform><numerusform>%n machines, %1 démarrée(s)</numerusform></translation>
    </message>
    <message>
        <source>secret %1</source>
        <translation>secret %1</translation>
    </message>
</context>
<context>
    <name>GuiApplication</name>
    <message>
        <source>Starting the demo cluster…</source>
        <translation>Démarrage du cluster de démonstration…</translation>
    </message>
    <message>
        <source>The demo cluster could not start: %1</source>
        <translation>Le cluster de démonstration n'a pas pu démarrer : %1</translation>
    </message>
    <message>
        <source>Topology</source>
        <translation>Topologie</translation>
    </message>
    <message>
        <source>Runbooks</source>
        <translation>Runbooks</translation>
    </message>
    <message>
        <source>Helm releases</source>
        <translation>Releases Helm</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d'audit</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Opérations</translation>
    </message>
    <message>
        <source>orrery: no kind or page named "%1"; showing the tables.</source>
        <translation>orrery : aucun type ni aucune page nommé « %1 » ; affichage des tableaux.</translation>
    </message>
    <message>
        <source>orrery: unknown --theme "%1"; use system, light or dark.</source>
        <translation>orrery : --theme « %1 » inconnu ; utilisez system, light ou dark.</translation>
    </message>
    <message>
        <source>orrery: %1 is not a manifest (.yaml, .yml or .json); ignored.</source>
        <translation>orrery : %1 n'est pas un manifeste (.yaml, .yml ou .json) ; ignoré.</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>orrery: --prometheus: %1</source>
        <translation>orrery : --prometheus : %1</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>orrery: --size: expected WIDTHxHEIGHT</source>
        <translation>orrery : --size : attendu LARGEURxHAUTEUR</translation>
    </message>
    <message>
        <source>Demo: %1</source>
        <translation>Démo : %1</translation>
    </message>
    <message>
        <source>orrery: screenshot %1: context %2, page %3</source>
        <translation>orrery : capture d'écran %1 : contexte %2, page %3</translation>
    </message>
    <message>
        <source>Pipelines</source>
        <translation>Pipelines</translation>
    </message>
    <message>
        <source>Cluster Overview</source>
        <translation>Vue d'ensemble du cluster</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 ne peut pas être lu : %2</translation>
    </message>
    <message>
        <source>App topology</source>
        <translation>Topologie de l'application</translation>
    </message>
    <message>
        <source>the cloud account is gone</source>
        <translation>le compte cloud n'existe plus</translation>
    </message>
    <message>
        <source>Clouds</source>
        <translation>Clouds</translation>
    </message>
    <message>
        <source>Port Forwards</source>
        <translation>Redirections de port</translation>
    </message>
</context>
<context>
    <name>ImageLink</name>
    <message>
        <source>rolling out #%1</source>
        <translation>déploiement de n° %1 en cours</translation>
    </message>
    <message>
        <source>run #%1</source>
        <translation>exécution n° %1</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>il y a %1</translation>
    </message>
    <message>
        <source>rolling out from run #%1</source>
        <translation>déploiement en cours depuis l'exécution n° %1</translation>
    </message>
    <message>
        <source>deployed by run #%1</source>
        <translation>déployé par l'exécution n° %1</translation>
    </message>
    <message>
        <source>→ Fly.io: %1</source>
        <translation>→ Fly.io : %1</translation>
    </message>
    <message>
        <source>→ Railway: %1</source>
        <translation>→ Railway : %1</translation>
    </message>
</context>
<context>
    <name>JenkinsResponse</name>
    <message>
        <source>Jenkins wants a valid crumb (CSRF protection): use an API token, or check that /crumbIssuer answers</source>
        <translation>Jenkins exige un crumb valide (protection CSRF) : utilisez un jeton d'API, ou vérifiez que /crumbIssuer répond</translation>
    </message>
</context>
<context>
    <name>LabelSelector</name>
    <message>
        <source>Unbalanced ')'.</source>
        <translation>')' sans correspondance.</translation>
    </message>
    <message>
        <source>Missing ')'.</source>
        <translation>')' manquante.</translation>
    </message>
    <message>
        <source>Empty requirement.</source>
        <translation>Condition vide.</translation>
    </message>
    <message>
        <source>Invalid label key "%1".</source>
        <translation>Clé de label invalide « %1 ».</translation>
    </message>
    <message>
        <source>Invalid label value "%1".</source>
        <translation>Valeur de label invalide « %1 ».</translation>
    </message>
    <message>
        <source>Unexpected '('.</source>
        <translation>« ( » inattendu.</translation>
    </message>
    <message>
        <source>Unexpected "%1".</source>
        <translation>« %1 » inattendu.</translation>
    </message>
</context>
<context>
    <name>LogStreamer</name>
    <message>
        <source>the server closed the stream (the container may have stopped)</source>
        <translation>le serveur a fermé le flux (le conteneur s'est peut-être arrêté)</translation>
    </message>
    <message>
        <source> … [line cut: longer than %1]</source>
        <translation> … [ligne coupée : plus de %1]</translation>
    </message>
</context>
<context>
    <name>MonitoringServersStatus</name>
    <message>
        <source>Prometheus and Alertmanager are not started</source>
        <translation>Prometheus et Alertmanager ne sont pas démarrés</translation>
    </message>
    <message>
        <source>Starting Prometheus and Alertmanager for the demo cluster %1…</source>
        <translation>Démarrage de Prometheus et d'Alertmanager pour le cluster de démonstration %1…</translation>
    </message>
    <message>
        <source>Prometheus (%1) and Alertmanager (%2) watch the demo cluster %3</source>
        <translation>Prometheus (%1) et Alertmanager (%2) surveillent le cluster de démonstration %3</translation>
    </message>
    <message>
        <source>%1 not installed (Debian packages prometheus and prometheus-alertmanager; scripts/deps.sh installs them): the demo runs without Prometheus charts and alerts</source>
        <translation>Non installé : %1 (paquets Debian prometheus et prometheus-alertmanager ; scripts/deps.sh les installe) : la démo fonctionne sans les graphiques Prometheus ni les alertes</translation>
    </message>
    <message>
        <source>Prometheus and Alertmanager could not start: %1</source>
        <translation>Prometheus et Alertmanager n'ont pas pu démarrer : %1</translation>
    </message>
</context>
<context>
    <name>Orrery</name>
    <message>
        <source>Waiting for deployment spec update to be observed...</source>
        <translation>En attente de la prise en compte de la mise à jour de la spec du deployment...</translation>
    </message>
    <message>
        <source>deployment "%1" exceeded its progress deadline</source>
        <translation>le deployment « %1 » a dépassé son délai de progression</translation>
    </message>
    <message>
        <source>Waiting for deployment "%1" rollout to finish: %2 out of %3 new replicas have been updated...</source>
        <translation>En attente de la fin du déploiement du deployment « %1 » : %2 nouvelles répliques sur %3 mises à jour...</translation>
    </message>
    <message>
        <source>Waiting for deployment "%1" rollout to finish: %2 old replicas are pending termination...</source>
        <translation>En attente de la fin du déploiement du deployment « %1 » : %2 anciennes répliques en attente d'arrêt...</translation>
    </message>
    <message>
        <source>Waiting for deployment "%1" rollout to finish: %2 of %3 updated replicas are available...</source>
        <translation>En attente de la fin du déploiement du deployment « %1 » : %2 répliques mises à jour sur %3 disponibles...</translation>
    </message>
    <message>
        <source>deployment "%1" successfully rolled out</source>
        <translation>deployment « %1 » déployé avec succès</translation>
    </message>
    <message>
        <source>rollout status is only available for RollingUpdate strategy type</source>
        <translation>l'état du déploiement n'est disponible que pour la stratégie RollingUpdate</translation>
    </message>
    <message>
        <source>Waiting for daemon set spec update to be observed...</source>
        <translation>En attente de la prise en compte de la mise à jour de la spec du daemon set...</translation>
    </message>
    <message>
        <source>Waiting for daemon set "%1" rollout to finish: %2 out of %3 new pods have been updated...</source>
        <translation>En attente de la fin du déploiement du daemon set « %1 » : %2 nouveaux pods sur %3 mis à jour...</translation>
    </message>
    <message>
        <source>Waiting for daemon set "%1" rollout to finish: %2 of %3 updated pods are available...</source>
        <translation>En attente de la fin du déploiement du daemon set « %1 » : %2 pods mis à jour sur %3 disponibles...</translation>
    </message>
    <message>
        <source>daemon set "%1" successfully rolled out</source>
        <translation>daemon set « %1 » déployé avec succès</translation>
    </message>
    <message>
        <source>Waiting for statefulset spec update to be observed...</source>
        <translation>En attente de la prise en compte de la mise à jour de la spec du statefulset...</translation>
    </message>
    <message>
        <source>Waiting for %1 pods to be ready...</source>
        <translation>En attente que %1 pods soient prêts...</translation>
    </message>
    <message>
        <source>Waiting for partitioned roll out to finish: %1 out of %2 new pods have been updated...</source>
        <translation>En attente de la fin du déploiement partitionné : %1 nouveaux pods sur %2 mis à jour...</translation>
    </message>
    <message>
        <source>partitioned roll out complete: %1 new pods have been updated...</source>
        <translation>déploiement partitionné terminé : %1 nouveaux pods mis à jour...</translation>
    </message>
    <message>
        <source>waiting for statefulset rolling update to complete %1 pods at revision %2...</source>
        <translation>en attente de la fin de la mise à jour progressive du statefulset : %1 pods à la révision %2...</translation>
    </message>
    <message>
        <source>statefulset rolling update complete %1 pods at revision %2...</source>
        <translation>mise à jour progressive du statefulset terminée : %1 pods à la révision %2...</translation>
    </message>
    <message>
        <source>a step must be a map with exactly one key naming its type</source>
        <translation>une étape doit être une table avec exactement une clé qui nomme son type</translation>
    </message>
    <message>
        <source>unknown step "%1"</source>
        <translation>étape inconnue « %1 »</translation>
    </message>
    <message>
        <source>step "%1" takes a single value</source>
        <translation>l'étape « %1 » prend une seule valeur</translation>
    </message>
    <message>
        <source>"wait" takes a number of seconds from 0 to 3600</source>
        <translation>« wait » prend un nombre de secondes entre 0 et 3600</translation>
    </message>
    <message>
        <source>step "%1" takes a map of fields</source>
        <translation>l'étape « %1 » prend une table de champs</translation>
    </message>
    <message>
        <source>Caption: %1</source>
        <translation>Légende : %1</translation>
    </message>
    <message>
        <source>Scale %1 to %2 replicas</source>
        <translation>Mettre %1 à l'échelle à %2 réplicas</translation>
    </message>
    <message>
        <source>Set image of %1, container %2, to %3</source>
        <translation>Définir l'image de %1, conteneur %2, à %3</translation>
    </message>
    <message>
        <source>Apply %1 (dry run)</source>
        <translation>Appliquer %1 (simulation)</translation>
    </message>
    <message>
        <source>Apply %1</source>
        <translation>Appliquer %1</translation>
    </message>
    <message>
        <source>Restart %1</source>
        <translation>Redémarrer %1</translation>
    </message>
    <message>
        <source>Roll back %1 to revision %2</source>
        <translation>Ramener %1 à la révision %2</translation>
    </message>
    <message>
        <source>Roll back %1 to the previous revision</source>
        <translation>Ramener %1 à la révision précédente</translation>
    </message>
    <message>
        <source>Roll Helm release %1 back to revision %2</source>
        <translation>Ramener la release Helm %1 à la révision %2</translation>
    </message>
    <message>
        <source>Roll Helm release %1 back to the previous revision</source>
        <translation>Ramener la release Helm %1 à la révision précédente</translation>
    </message>
    <message>
        <source>Wait for the rollout of %1 (at most %2 s)</source>
        <translation>Attendre la fin du déploiement progressif de %1 (au plus %2 s)</translation>
    </message>
    <message>
        <source>Wait %1 s</source>
        <translation>Attendre %1 s</translation>
    </message>
    <message>
        <source>Set the simulated load of %1 back to its schedule</source>
        <translation>Remettre la charge simulée de %1 sur son programme</translation>
    </message>
    <message>
        <source>Set the simulated load of %1 to %2%</source>
        <translation>Régler la charge simulée de %1 à %2%</translation>
    </message>
    <message>
        <source>another Orrery (process %1 on %2) has held the audit log's lock for more than %3 seconds</source>
        <translation>une autre instance d'Orrery (processus %1 sur %2) détient le verrou du journal d'audit depuis plus de %3 secondes</translation>
    </message>
    <message>
        <source>another process has held the audit log's lock for more than %1 seconds</source>
        <translation>un autre processus détient le verrou du journal d'audit depuis plus de %1 secondes</translation>
    </message>
    <message>
        <source>the audit directory does not allow creating its lock file</source>
        <translation>le répertoire d'audit ne permet pas de créer son fichier de verrou</translation>
    </message>
    <message>
        <source>the audit log's lock file could not be created</source>
        <translation>le fichier de verrou du journal d'audit n'a pas pu être créé</translation>
    </message>
    <message>
        <source>the answer has more than %1 %2</source>
        <translation>la réponse contient plus de %1 %2</translation>
    </message>
    <message>
        <source>HTTP %1: the answer is not an Alertmanager API v2 list</source>
        <translation>HTTP %1 : la réponse n'est pas une liste de l'API v2 d'Alertmanager</translation>
    </message>
    <message>
        <source>%1: %2 (set for this context)</source>
        <translation>%1 : %2 (défini pour ce contexte)</translation>
    </message>
    <message>
        <source>%1: %2 (found automatically)</source>
        <translation>%1 : %2 (trouvé automatiquement)</translation>
    </message>
    <message>
        <source>no %1 set for this context, and the cluster's Services are not listed (yet, or "list services" is not allowed), so none could be found; set one in Preferences</source>
        <translation>aucun %1 défini pour ce contexte, et les Services du cluster ne sont pas listés (pas encore, ou "list services" n'est pas autorisé) : aucun n'a donc pu être trouvé ; définissez-en un dans les Préférences</translation>
    </message>
    <message>
        <source>no %1 found; looked for Services %2 in namespaces %3; set one for this context in Preferences</source>
        <translation>aucun %1 trouvé ; Services %2 recherchés dans les espaces de noms %3 ; définissez-en un pour ce contexte dans les Préférences</translation>
    </message>
    <message>
        <source>no pods</source>
        <translation>aucun pod</translation>
    </message>
    <message>
        <source>1 pod: %1</source>
        <translation>1 pod : %1</translation>
    </message>
    <message>
        <source>%1 pods: %2</source>
        <translation>%1 pods : %2</translation>
    </message>
    <message>
        <source>%1 not found in namespace %2</source>
        <translation>%1 introuvable dans l'espace de noms %2</translation>
    </message>
    <message>
        <source>not a workload</source>
        <translation>ce n'est pas une charge de travail</translation>
    </message>
    <message>
        <source>waiting for the spec update to be observed</source>
        <translation>en attente de la prise en compte de la mise à jour de la spec</translation>
    </message>
    <message>
        <source>the rollout exceeded its progress deadline</source>
        <translation>le déploiement progressif a dépassé son délai de progression</translation>
    </message>
    <message>
        <source>%1 of %2 new replicas updated</source>
        <translation>%1 nouvelles répliques sur %2 mises à jour</translation>
    </message>
    <message>
        <source>old replicas pending termination: %1</source>
        <translation>anciennes répliques en attente d'arrêt : %1</translation>
    </message>
    <message>
        <source>%1 of %2 updated replicas available</source>
        <translation>%1 répliques mises à jour sur %2 disponibles</translation>
    </message>
    <message>
        <source>%1 of %2 pods ready</source>
        <translation>%1 pods sur %2 prêts</translation>
    </message>
    <message>
        <source>%1 of %2 pods on the update revision</source>
        <translation>%1 pods sur %2 à la révision de mise à jour</translation>
    </message>
    <message>
        <source>%1 of %2 new pods updated</source>
        <translation>%1 nouveaux pods sur %2 mis à jour</translation>
    </message>
    <message>
        <source>%1 of %2 updated pods available</source>
        <translation>%1 pods mis à jour sur %2 disponibles</translation>
    </message>
    <message>
        <source>rolled out: %1 of %2 replicas available</source>
        <translation>déployé : %1 répliques sur %2 disponibles</translation>
    </message>
    <message>
        <source>waiting for the cluster's %1 to load</source>
        <translation>en attente du chargement des %1 du cluster</translation>
    </message>
    <message>
        <source>no Helm release %1 in namespace %2</source>
        <translation>aucune release Helm %1 dans l'espace de noms %2</translation>
    </message>
    <message>
        <source>revision %1, %2</source>
        <translation>révision %1, %2</translation>
    </message>
    <message>
        <source>%1 has no replica counts</source>
        <translation>%1 n'a pas de nombre de répliques</translation>
    </message>
    <message>
        <source>%1 replicas: %2</source>
        <translation>répliques %1 : %2</translation>
    </message>
    <message>
        <source>%1 has no pod template</source>
        <translation>%1 n'a pas de modèle de pod</translation>
    </message>
    <message>
        <source>no container named %1</source>
        <translation>aucun conteneur nommé %1</translation>
    </message>
    <message>
        <source>image %1</source>
        <translation>image %1</translation>
    </message>
    <message>
        <source>each "expect" entry of %1 must be a map such as {kind: pods, of: deployment/NAME, state: Running}</source>
        <translation>chaque entrée "expect" de %1 doit être une table comme {kind: pods, of: deployment/NOM, state: Running}</translation>
    </message>
    <message>
        <source>"%1" of an expectation of %2 must be a single value</source>
        <translation>"%1" d'une condition attendue de %2 doit être une valeur unique</translation>
    </message>
    <message>
        <source>an expectation of %1 needs "kind": pods, rollout, replicas, image or helmRelease</source>
        <translation>une condition attendue de %1 nécessite "kind" : pods, rollout, replicas, image ou helmRelease</translation>
    </message>
    <message>
        <source>unknown expectation kind "%1" in %2: use pods, rollout, replicas, image or helmRelease</source>
        <translation>type de condition attendue inconnu "%1" dans %2 : utilisez pods, rollout, replicas, image ou helmRelease</translation>
    </message>
    <message>
        <source>expectation "%1" of %2 needs "%3"</source>
        <translation>la condition attendue "%1" de %2 nécessite "%3"</translation>
    </message>
    <message>
        <source>expectation "%1" of %2 has no field "%3"</source>
        <translation>la condition attendue "%1" de %2 n'a pas de champ "%3"</translation>
    </message>
    <message>
        <source>"of" of expectation "%1" in %2 must look like deployment/NAME, statefulset/NAME, daemonset/NAME, replicaset/NAME or hpa/NAME</source>
        <translation>"of" de la condition attendue "%1" dans %2 doit être de la forme deployment/NOM, statefulset/NOM, daemonset/NOM, replicaset/NOM ou hpa/NOM</translation>
    </message>
    <message>
        <source>"of" of expectation "%1" in %2 must look like deployment/NAME, statefulset/NAME, daemonset/NAME or replicaset/NAME</source>
        <translation>"of" de la condition attendue "%1" dans %2 doit être de la forme deployment/NOM, statefulset/NOM, daemonset/NOM ou replicaset/NOM</translation>
    </message>
    <message>
        <source>"within" of expectation "%1" in %2 must be a duration such as 60s, 2m or 90 (seconds), at most one hour</source>
        <translation>"within" de la condition attendue "%1" dans %2 doit être une durée comme 60s, 2m ou 90 (secondes), d'une heure au plus</translation>
    </message>
    <message>
        <source>"%1" of expectation "%2" in %3 must be a number or a comparison such as "&gt;= 4"%4</source>
        <translation>"%1" de la condition attendue "%2" dans %3 doit être un nombre ou une comparaison comme "&gt;= 4"%4</translation>
    </message>
    <message>
        <source>, or all</source>
        <translation>, ou all</translation>
    </message>
    <message>
        <source>expectation "pods" of %1 needs "state" or "count"</source>
        <translation>la condition attendue "pods" de %1 nécessite "state" ou "count"</translation>
    </message>
    <message>
        <source>"field" of expectation "replicas" in %1 must be one of %2</source>
        <translation>"field" de la condition attendue "replicas" dans %1 doit être l'une des valeurs %2</translation>
    </message>
    <message>
        <source>expectation "helmRelease" of %1 needs "revision" or "status"</source>
        <translation>la condition attendue "helmRelease" de %1 nécessite "revision" ou "status"</translation>
    </message>
    <message>
        <source>%1 has more than %2 expectations</source>
        <translation>%1 a plus de %2 conditions attendues</translation>
    </message>
    <message>
        <source>"expect" of %1 must be a map or a non-empty list of maps</source>
        <translation>"expect" de %1 doit être une table ou une liste non vide de tables</translation>
    </message>
    <message>
        <source>step %1 (%2)</source>
        <translation>étape %1 (%2)</translation>
    </message>
    <message>
        <source>"show" takes a view name (letters and dashes, e.g. topology)</source>
        <translation>"show" prend un nom de vue (lettres et tirets, p. ex. topology)</translation>
    </message>
    <message>
        <source>Show the %1 view</source>
        <translation>Afficher la vue %1</translation>
    </message>
    <message>
        <source>Show the %1 view of %2</source>
        <translation>Afficher la vue %1 de %2</translation>
    </message>
    <message>
        <source>target "%1" of step "%2" must look like deployment/NAME, statefulset/NAME, daemonset/NAME, hpa/NAME or pod/NAME</source>
        <translation>la cible "%1" de l'étape "%2" doit être de la forme deployment/NOM, statefulset/NOM, daemonset/NOM, hpa/NOM ou pod/NOM</translation>
    </message>
    <message>
        <source>"%1" is not a GitHub repository: give OWNER/REPO</source>
        <translation>« %1 » n'est pas un dépôt GitHub : indiquez OWNER/REPO</translation>
    </message>
    <message>
        <source>"%1" is not a GitHub %2 id</source>
        <translation>« %1 » n'est pas un identifiant %2 GitHub</translation>
    </message>
    <message>
        <source>GitHub answered 304 Not Modified to a request Orrery has no answer for</source>
        <translation>GitHub a répondu 304 Not Modified à une requête pour laquelle Orrery n'a aucune réponse</translation>
    </message>
    <message>
        <source>the answer is not a GitHub API object</source>
        <translation>la réponse n'est pas un objet de l'API GitHub</translation>
    </message>
    <message>
        <source>the answer has no "%1" list</source>
        <translation>la réponse ne contient pas de liste « %1 »</translation>
    </message>
    <message>
        <source>a GitLab API v4 list</source>
        <translation>une liste de l'API GitLab v4</translation>
    </message>
    <message>
        <source>a GitLab API v4 object</source>
        <translation>un objet de l'API GitLab v4</translation>
    </message>
    <message>
        <source>cannot read the CA certificate %1: %2</source>
        <translation>impossible de lire le certificat de l'autorité de certification %1 : %2</translation>
    </message>
    <message>
        <source>a Jenkins credential is USER:API-TOKEN</source>
        <translation>un identifiant Jenkins est de la forme USER:API-TOKEN</translation>
    </message>
    <message>
        <source>this build of Orrery has no %1 client yet</source>
        <translation>cette version d'Orrery n'a pas encore de client %1</translation>
    </message>
    <message>
        <source>no keyring is available (Secret Service or KWallet): %1</source>
        <translation>aucun trousseau n'est disponible (Secret Service ou KWallet) : %1</translation>
    </message>
    <message>
        <source>the keyring failed (QtKeychain error %1)</source>
        <translation>le trousseau a échoué (erreur QtKeychain %1)</translation>
    </message>
    <message>
        <source>%1 entry "%2"</source>
        <translation>entrée %1 « %2 »</translation>
    </message>
    <message>
        <source>the keyring did not answer within %1 s (is it locked?)</source>
        <translation>le trousseau n'a pas répondu en %1 s (est-il verrouillé ?)</translation>
    </message>
    <message>
        <source>%1 is larger than %2.</source>
        <translation>%1 dépasse %2.</translation>
    </message>
    <message>
        <source>%1 is not a JSON object.</source>
        <translation>%1 n'est pas un objet JSON.</translation>
    </message>
</context>
<context>
    <name>Orrery::AboutDialog</name>
    <message>
        <source>About Orrery</source>
        <translation>À propos d'Orrery</translation>
    </message>
    <message>
        <source>Orrery %1
Native Kubernetes cluster and deployment manager.
GPL-3.0-or-later</source>
        <translation>Orrery %1
Gestionnaire natif de clusters et de déploiements Kubernetes.
GPL-3.0-or-later</translation>
    </message>
</context>
<context>
    <name>Orrery::ActionController</name>
    <message>
        <source>Checking permission…</source>
        <translation>Vérification de la permission…</translation>
    </message>
    <message>
        <source>Could not check permission: %1</source>
        <translation>Impossible de vérifier l'autorisation : %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>the cluster was disconnected</source>
        <translation>le cluster a été déconnecté</translation>
    </message>
    <message>
        <source>Not connected: there is no cluster to check against.</source>
        <translation>Non connecté : aucun cluster sur lequel effectuer la vérification.</translation>
    </message>
    <message>
        <source>Checking permissions…</source>
        <translation>Vérification des autorisations…</translation>
    </message>
    <message numerus="yes">
        <source>%n object(s) may not be applied with this context's rights; nothing was sent. Ask a cluster administrator for the permission, or use a context with more rights.</source>
        <translation>
            <numerusform>Impossible d'appliquer %n objet(s) avec les droits de ce contexte ; rien n'a été envoyé. Demandez l'autorisation à un administrateur du cluster, ou utilisez un contexte disposant de plus de droits.</numerusform><numerusform>Impossible d'appliquer %n objet(s) avec les droits de ce contexte ; rien n'a été envoyé. Demandez l'autorisation à un administrateur du cluster, ou utilisez un contexte disposant de plus de droits.</numerusform></translation>
    </message>
    <message>
        <source>Asking the server what would change (dry run)…</source>
        <translation>Interrogation du serveur sur ce qui changerait (simulation)…</translation>
    </message>
    <message>
        <source>Apply conflict</source>
        <translation>Conflit d'application</translation>
    </message>
    <message>
        <source>%1 was not applied.</source>
        <translation>%1 n'a pas été appliqué.</translation>
    </message>
    <message>
        <source>Force…</source>
        <translation>Forcer…</translation>
    </message>
    <message>
        <source>A change whose intent cannot be recorded is not sent. Free some disk space or fix the permissions of %1.</source>
        <translation>Une modification dont l'intention ne peut pas être enregistrée n'est pas envoyée. Libérez de l'espace disque ou corrigez les permissions de %1.</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d'audit</translation>
    </message>
    <message>
        <source>Not connected: there is no cluster to read the object from.</source>
        <translation>Non connecté : aucun cluster depuis lequel lire l'objet.</translation>
    </message>
    <message>
        <source>Not connected: there is no cluster to send this to.</source>
        <translation>Non connecté : aucun cluster auquel envoyer ceci.</translation>
    </message>
    <message>
        <source>This edit was started elsewhere: reload and edit again.</source>
        <translation>Cette modification a été commencée ailleurs : rechargez et modifiez à nouveau.</translation>
    </message>
    <message>
        <source>Applied: %1</source>
        <translation>Appliqué : %1</translation>
    </message>
    <message>
        <source>Not applied: the confirmation was cancelled. Your edit is still here.</source>
        <translation>Non appliqué : la confirmation a été annulée. Votre modification est conservée.</translation>
    </message>
    <message>
        <source>The server accepted the edit (dry run): confirm to apply it.</source>
        <translation>Le serveur a accepté la modification (simulation) : confirmez pour l'appliquer.</translation>
    </message>
    <message>
        <source>There is no edit to compare.</source>
        <translation>Aucune modification à comparer.</translation>
    </message>
    <message>
        <source>Nothing differs any more: edit again to apply.</source>
        <translation>Plus aucune différence : modifiez à nouveau pour appliquer.</translation>
    </message>
</context>
<context>
    <name>Orrery::AddToKubeconfig</name>
    <message>
        <source>The kubeconfig is over 16 MiB; it was not changed.</source>
        <translation>Le kubeconfig dépasse 16 Mio ; il n'a pas été modifié.</translation>
    </message>
    <message>
        <source>The file is not a kubeconfig (not a YAML mapping); it was not changed.</source>
        <translation>Le fichier n'est pas un kubeconfig (pas un mappage YAML) ; il n'a pas été modifié.</translation>
    </message>
    <message>
        <source>Add %1 to kubeconfig</source>
        <translation>Ajouter %1 au kubeconfig</translation>
    </message>
    <message>
        <source>Write context, cluster and user "%1" to %2</source>
        <translation>Écrire le contexte, le cluster et l'utilisateur « %1 » dans %2</translation>
    </message>
    <message>
        <source>Make it the current context</source>
        <translation>En faire le contexte courant</translation>
    </message>
    <message>
        <source>Keep a copy of the file as it was</source>
        <translation>Conserver une copie du fichier dans son état d'origine</translation>
    </message>
    <message>
        <source>The kubeconfig entry has no name.</source>
        <translation>L'entrée du kubeconfig n'a pas de nom.</translation>
    </message>
    <message>
        <source>You may not write this file.</source>
        <translation>Vous n'êtes pas autorisé à écrire dans ce fichier.</translation>
    </message>
    <message>
        <source>You may not create files in %1.</source>
        <translation>Vous n'êtes pas autorisé à créer des fichiers dans %1.</translation>
    </message>
    <message>
        <source>%1 already holds context "%2" as it would be written.</source>
        <translation>%1 contient déjà le contexte « %2 » tel qu'il serait écrit.</translation>
    </message>
    <message>
        <source>kubectl will run "%1" for a token, and it is not on PATH here.</source>
        <translation>kubectl exécutera « %1 » pour obtenir un jeton, et cette commande ne figure pas dans le PATH ici.</translation>
    </message>
    <message>
        <source>The file was not read first.</source>
        <translation>Le fichier n'a pas été lu au préalable.</translation>
    </message>
    <message>
        <source>Nothing to change: the file already holds these entries.</source>
        <translation>Rien à modifier : le fichier contient déjà ces entrées.</translation>
    </message>
    <message>
        <source>%1 changed since the preview; nothing was written. Look at it again.</source>
        <translation>%1 a changé depuis l'aperçu ; rien n'a été écrit. Examinez-le de nouveau.</translation>
    </message>
    <message>
        <source>The backup %1 could not be written (%2); nothing was changed.</source>
        <translation>La sauvegarde %1 n'a pas pu être écrite (%2) ; rien n'a été modifié.</translation>
    </message>
    <message>
        <source>Backup: %1</source>
        <translation>Sauvegarde : %1</translation>
    </message>
    <message>
        <source>The audit log could not be written (%1); nothing was changed.</source>
        <translation>Le journal d'audit n'a pas pu être écrit (%1) ; rien n'a été modifié.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 n'a pas pu être écrit : %2</translation>
    </message>
    <message>
        <source>Wrote context, cluster and user "%1"; current context is now "%1".</source>
        <translation>Contexte, cluster et utilisateur « %1 » écrits ; le contexte courant est désormais « %1 ».</translation>
    </message>
    <message>
        <source>The outcome could not be written to the audit log: %1</source>
        <translation>Le résultat n'a pas pu être consigné dans le journal d'audit : %1</translation>
    </message>
    <message>
        <source>"%1" in the kubeconfig is not a list; the file was not changed.</source>
        <translation>« %1 » dans le kubeconfig n'est pas une liste ; le fichier n'a pas été modifié.</translation>
    </message>
</context>
<context>
    <name>Orrery::AlertmanagerResponse</name>
    <message>
        <source>the answer names no silence id</source>
        <translation>la réponse n'indique aucun identifiant de silence</translation>
    </message>
</context>
<context>
    <name>Orrery::AlertsModel</name>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>%1 · %2 (%3)</source>
        <translation>%1 · %2 (%3)</translation>
    </message>
    <message>
        <source>cluster</source>
        <translation>cluster</translation>
    </message>
    <message>
        <source>silenced</source>
        <translation>en sourdine</translation>
    </message>
    <message>
        <source>inhibited</source>
        <translation>inhibée</translation>
    </message>
    <message>
        <source>unprocessed</source>
        <translation>non traitée</translation>
    </message>
    <message>
        <source>firing</source>
        <translation>déclenchée</translation>
    </message>
    <message>
        <source>Open the runbook</source>
        <translation>Ouvrir le runbook</translation>
    </message>
    <message>
        <source>Silenced by %1 until %2: %3</source>
        <translation>Mise en sourdine par %1 jusqu'à %2 : %3</translation>
    </message>
    <message>
        <source>Silenced by %1</source>
        <translation>Mise en sourdine par %1</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Runbook</source>
        <translation>Runbook</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>Orrery::AlertsPage</name>
    <message>
        <source>Silence…</source>
        <translation>Mettre en sourdine…</translation>
    </message>
    <message>
        <source>Expire silence</source>
        <translation>Faire expirer le silence</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>Silence the selected alert in Alertmanager (matchers prefilled from its labels)</source>
        <translation>Mettre en sourdine l'alerte sélectionnée dans Alertmanager (critères préremplis à partir de ses labels)</translation>
    </message>
    <message>
        <source>Expire the silences that mute the selected alert</source>
        <translation>Faire expirer les silences qui mettent en sourdine l'alerte sélectionnée</translation>
    </message>
    <message>
        <source>Reading Alertmanager…</source>
        <translation>Lecture d'Alertmanager…</translation>
    </message>
    <message>
        <source>No alerts</source>
        <translation>Aucune alerte</translation>
    </message>
    <message>
        <source>No alerts can be shown: %1</source>
        <translation>Aucune alerte ne peut être affichée : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n firing</source>
        <translation>
            <numerusform>%n déclenchée</numerusform><numerusform>%n déclenchées</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n silenced</source>
        <translation>
            <numerusform>%n en sourdine</numerusform><numerusform>%n en sourdine</numerusform></translation>
    </message>
    <message>
        <source>from %1, updated %2</source>
        <translation>source %1, mise à jour à %2</translation>
    </message>
    <message>
        <source>No alert is firing.</source>
        <translation>Aucune alerte n'est déclenchée.</translation>
    </message>
</context>
<context>
    <name>Orrery::App::CloudsWiring</name>
    <message>
        <source>No cloud credentials found. Orrery reads what the providers' CLIs read (~/.aws, az login, gcloud, FLY_API_TOKEN, RAILWAY_TOKEN): see docs/clouds.md.</source>
        <translation>Aucun identifiant cloud trouvé. Orrery lit ce que lisent les CLI des fournisseurs (~/.aws, az login, gcloud, FLY_API_TOKEN, RAILWAY_TOKEN) : voir docs/clouds.md.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation>Impossible de se connecter à %1 : %2</translation>
    </message>
    <message>
        <source>Connected to %1 with a token Orrery made in memory; the kubeconfig was not touched.</source>
        <translation>Connecté à %1 avec un jeton créé en mémoire par Orrery ; le kubeconfig n'a pas été modifié.</translation>
    </message>
    <message>
        <source>Cannot add to kubeconfig: %1</source>
        <translation>Impossible d'ajouter au kubeconfig : %1</translation>
    </message>
</context>
<context>
    <name>Orrery::AppTopologyPage</name>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>No app chosen: pick a Fly.io or Railway app under Clouds.</source>
        <translation>Aucune application choisie : sélectionnez une application Fly.io ou Railway sous Clouds.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Lecture…</translation>
    </message>
    <message>
        <source>Could not read the app: %1</source>
        <translation>Impossible de lire l'application : %1</translation>
    </message>
    <message>
        <source>Read at %1</source>
        <translation>Lu à %1</translation>
    </message>
    <message>
        <source>Export the app</source>
        <translation>Exporter l'application</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>Image PNG (*.png);;Image SVG (*.svg)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exporté vers %1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Échec de l'export : %1</translation>
    </message>
</context>
<context>
    <name>Orrery::AppTopologyScene</name>
    <message>
        <source>Releases</source>
        <translation>Versions publiées</translation>
    </message>
</context>
<context>
    <name>Orrery::ApplyDialog</name>
    <message>
        <source>Apply manifests</source>
        <translation>Appliquer les manifestes</translation>
    </message>
    <message>
        <source>Paste YAML here (several documents separated by ---), or add files.</source>
        <translation>Collez du YAML ici (plusieurs documents séparés par ---), ou ajoutez des fichiers.</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Ajouter des fichiers…</translation>
    </message>
    <message>
        <source>Remove file</source>
        <translation>Retirer le fichier</translation>
    </message>
    <message>
        <source>Check the manifests against the server to see what would change.</source>
        <translation>Vérifier les manifestes auprès du serveur pour voir ce qui changerait.</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>Sur le serveur</translation>
    </message>
    <message>
        <source>YAML:</source>
        <translation>YAML :</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>Fichiers :</translation>
    </message>
    <message>
        <source>Check on server</source>
        <translation>Vérifier sur le serveur</translation>
    </message>
    <message>
        <source>Apply…</source>
        <translation>Appliquer…</translation>
    </message>
    <message>
        <source>Manifests to apply</source>
        <translation>Manifestes à appliquer</translation>
    </message>
    <message>
        <source>YAML manifests (*.yaml *.yml *.json)</source>
        <translation>Manifestes YAML (*.yaml *.yml *.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Nothing was sent to the cluster.</source>
        <translation>Rien n'a été envoyé au cluster.</translation>
    </message>
    <message>
        <source>Force (take ownership)…</source>
        <translation>Forcer (prendre la main)…</translation>
    </message>
    <message>
        <source>The server reported conflicts: see Force (take ownership).</source>
        <translation>Le serveur a signalé des conflits : voir Forcer (prendre la main).</translation>
    </message>
</context>
<context>
    <name>Orrery::ApplyOperation</name>
    <message>
        <source>line %1</source>
        <translation>ligne %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>document %1</source>
        <translation>document %1</translation>
    </message>
    <message>
        <source>The manifests cannot be applied; nothing was sent.</source>
        <translation>Les manifestes ne peuvent pas être appliqués ; rien n'a été envoyé.</translation>
    </message>
    <message>
        <source>Not allowed: you may not patch %1 on this cluster.</source>
        <translation>Non autorisé : vous ne pouvez pas modifier (patch) %1 dans ce cluster.</translation>
    </message>
    <message>
        <source>Not allowed: you may not patch %1 in namespace %2.</source>
        <translation>Non autorisé : vous ne pouvez pas modifier (patch) %1 dans le namespace %2.</translation>
    </message>
    <message>
        <source>The server says: %1</source>
        <translation>Le serveur indique : %1</translation>
    </message>
    <message>
        <source>The dry run could not be planned.</source>
        <translation>La simulation n'a pas pu être préparée.</translation>
    </message>
    <message>
        <source>(new object)</source>
        <translation>(nouvel objet)</translation>
    </message>
    <message>
        <source>live</source>
        <translation>actuel</translation>
    </message>
    <message>
        <source>after apply</source>
        <translation>après application</translation>
    </message>
    <message>
        <source>new object</source>
        <translation>nouvel objet</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <source>The server reports no change for this object.</source>
        <translation>Le serveur ne signale aucune modification pour cet objet.</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>conflit</translation>
    </message>
    <message>
        <source>refused by the server</source>
        <translation>refusé par le serveur</translation>
    </message>
    <message numerus="yes">
        <source>%n object(s) checked by the server (dry run), %1 to create or change.</source>
        <translation>
            <numerusform>%n objet(s) vérifié(s) par le serveur (simulation), %1 à créer ou modifier.</numerusform><numerusform>%n objet(s) vérifié(s) par le serveur (simulation), %1 à créer ou modifier.</numerusform></translation>
    </message>
    <message>
        <source>Force apply manifests</source>
        <translation>Forcer l'application des manifestes</translation>
    </message>
    <message>
        <source>Apply manifests</source>
        <translation>Appliquer les manifestes</translation>
    </message>
    <message>
        <source>Force apply</source>
        <translation>Forcer l'application</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>The apply failed</source>
        <translation>L'application a échoué</translation>
    </message>
    <message numerus="yes">
        <source>Force apply of %n object(s)</source>
        <translation>
            <numerusform>Application forcée de %n objet(s)</numerusform><numerusform>Application forcée de %n objet(s)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Apply of %n object(s)</source>
        <translation>
            <numerusform>Application de %n objet(s)</numerusform><numerusform>Application de %n objet(s)</numerusform></translation>
    </message>
    <message>
        <source>pasted YAML</source>
        <translation>YAML collé</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>Nothing to apply: paste YAML or add files.</source>
        <translation>Rien à appliquer : collez du YAML ou ajoutez des fichiers.</translation>
    </message>
    <message numerus="yes">
        <source>Conflicts with another field manager in %n object(s): the server would refuse the apply.</source>
        <translation>
            <numerusform>Conflit avec un autre gestionnaire de champs dans %n objet : le serveur refuserait l’application.</numerusform><numerusform>Conflits avec un autre gestionnaire de champs dans %n objets : le serveur refuserait l’application.</numerusform></translation>
    </message>
    <message>
        <source>Nothing can be applied until the refused objects are fixed.</source>
        <translation>Rien ne peut être appliqué tant que les objets refusés ne sont pas corrigés.</translation>
    </message>
    <message numerus="yes">
        <source>Apply is disabled: it would apply %n other object(s) and then fail on the conflicts. Force (take ownership) applies all %1 objects and makes orrery the manager of the conflicting fields, with the values of these manifests; or edit the manifests (drop those fields, or set them to the live values) and check again.</source>
        <translation>
            <numerusform>Appliquer est désactivé : cela appliquerait %n autre(s) objet(s) puis échouerait sur les conflits. Forcer (prendre la main) applique les %1 objets et fait d’orrery le gestionnaire des champs en conflit, avec les valeurs de ces manifestes ; sinon modifiez les manifestes (retirez ces champs ou donnez-leur les valeurs actuelles) et vérifiez à nouveau.</numerusform><numerusform>Appliquer est désactivé : cela appliquerait %n autre(s) objet(s) puis échouerait sur les conflits. Forcer (prendre la main) applique les %1 objets et fait d’orrery le gestionnaire des champs en conflit, avec les valeurs de ces manifestes ; sinon modifiez les manifestes (retirez ces champs ou donnez-leur les valeurs actuelles) et vérifiez à nouveau.</numerusform></translation>
    </message>
    <message>
        <source>Force: take over the fields other managers own.</source>
        <translation>Forcer : reprendre les champs détenus par d'autres gestionnaires de champs.</translation>
    </message>
    <message numerus="yes">
        <source>%n object(s)</source>
        <translation>
            <numerusform>%n objet(s)</numerusform><numerusform>%n objet(s)</numerusform></translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
</context>
<context>
    <name>Orrery::AuditLog</name>
    <message>
        <source>The audit log could not be written (%1): %2</source>
        <translation>Le journal d'audit n'a pas pu être écrit (%1) : %2</translation>
    </message>
    <message>
        <source>cannot remove the oldest audit file</source>
        <translation>impossible de supprimer le plus ancien fichier d'audit</translation>
    </message>
    <message>
        <source>cannot rotate the audit files</source>
        <translation>impossible de faire tourner les fichiers d'audit</translation>
    </message>
    <message>
        <source>cannot create the audit directory</source>
        <translation>impossible de créer le répertoire d'audit</translation>
    </message>
    <message>
        <source>short write (%1 of %2 bytes)</source>
        <translation>écriture incomplète (%1 octets sur %2)</translation>
    </message>
</context>
<context>
    <name>Orrery::AuditPage</name>
    <message>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d'audit</translation>
    </message>
    <message>
        <source>Filter by context, user, verb, object, change or result</source>
        <translation>Filtrer par contexte, utilisateur, verbe, objet, modification ou résultat</translation>
    </message>
    <message>
        <source>Every write Orrery sends is recorded here, dry runs and failures included.</source>
        <translation>Chaque écriture envoyée par Orrery est enregistrée ici, simulations et échecs compris.</translation>
    </message>
    <message numerus="yes">
        <source>%n write(s) recorded in %1</source>
        <translation>
            <numerusform>%n écriture(s) enregistrée(s) dans %1</numerusform><numerusform>%n écriture(s) enregistrée(s) dans %1</numerusform></translation>
    </message>
</context>
<context>
    <name>Orrery::AuditTableModel</name>
    <message>
        <source>%1 (dry run)</source>
        <translation>%1 (simulation)</translation>
    </message>
    <message>
        <source>%1 (HTTP %2)</source>
        <translation>%1 (HTTP %2)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexte</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Verb</source>
        <translation>Verbe</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Outcome unknown: the request was sent (or about to be), but no answer was recorded. Orrery may have been closed or killed meanwhile; check the object on the cluster.</source>
        <translation>Résultat inconnu : la requête a été envoyée (ou allait l'être), mais aucune réponse n'a été enregistrée. Orrery a peut-être été fermé ou tué entre-temps ; vérifiez l'objet sur le cluster.</translation>
    </message>
    <message>
        <source>outcome unknown</source>
        <translation>résultat inconnu</translation>
    </message>
</context>
<context>
    <name>Orrery::AwsAccount</name>
    <message>
        <source>The AWS credentials for EKS cluster %1 expired.</source>
        <translation>Les identifiants AWS du cluster EKS %1 ont expiré.</translation>
    </message>
    <message>
        <source>set fresh AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY</source>
        <translation>définissez de nouvelles valeurs pour AWS_ACCESS_KEY_ID et AWS_SECRET_ACCESS_KEY</translation>
    </message>
    <message>
        <source>run: aws sso login --profile %1, or aws configure --profile %1</source>
        <translation>exécutez : aws sso login --profile %1, ou aws configure --profile %1</translation>
    </message>
    <message>
        <source>AWS (environment)</source>
        <translation>AWS (environnement)</translation>
    </message>
    <message>
        <source>AWS %1</source>
        <translation>AWS %1</translation>
    </message>
    <message>
        <source>AWS_ACCESS_KEY_ID (environment)</source>
        <translation>AWS_ACCESS_KEY_ID (environnement)</translation>
    </message>
    <message>
        <source>profile %1 (~/.aws/config)</source>
        <translation>profil %1 (~/.aws/config)</translation>
    </message>
    <message>
        <source>%1 is not an EKS cluster ARN.</source>
        <translation>%1 n'est pas l'ARN d'un cluster EKS.</translation>
    </message>
    <message>
        <source>EKS cluster %1 has no endpoint yet (status %2).</source>
        <translation>Le cluster EKS %1 n'a pas encore de point de terminaison (statut %2).</translation>
    </message>
    <message>
        <source>EKS cluster %1 has no endpoint yet.</source>
        <translation>Le cluster EKS %1 n'a pas encore de point de terminaison.</translation>
    </message>
    <message>
        <source>profile %1 (AWS SSO %2, role %3 in account %4)</source>
        <translation>profil %1 (AWS SSO %2, rôle %3 dans le compte %4)</translation>
    </message>
</context>
<context>
    <name>Orrery::AwsClient</name>
    <message>
        <source>%1 in %2</source>
        <translation>%1 dans %2</translation>
    </message>
    <message>
        <source>STS's GetCallerIdentity answer has no Arn.</source>
        <translation>La réponse GetCallerIdentity de STS ne contient pas d'Arn.</translation>
    </message>
    <message>
        <source>AssumeRole %1</source>
        <translation>AssumeRole %1</translation>
    </message>
    <message>
        <source>credential_process printed over 64 KiB.</source>
        <translation>credential_process a affiché plus de 64 Kio.</translation>
    </message>
    <message>
        <source>credential_process did not finish in 30 s.</source>
        <translation>credential_process ne s'est pas terminé en 30 s.</translation>
    </message>
    <message>
        <source>credential_process failed (exit code %1).</source>
        <translation>credential_process a échoué (code de sortie %1).</translation>
    </message>
    <message>
        <source>credential_process could not start.</source>
        <translation>credential_process n'a pas pu démarrer.</translation>
    </message>
    <message>
        <source>EKS cluster %1 in %2</source>
        <translation>Cluster EKS %1 dans %2</translation>
    </message>
    <message>
        <source>AWS SSO portal for profile %1</source>
        <translation>portail AWS SSO du profil %1</translation>
    </message>
</context>
<context>
    <name>Orrery::AwsConfig</name>
    <message>
        <source>The AWS configuration file is over 1 MiB.</source>
        <translation>Le fichier de configuration AWS dépasse 1 Mio.</translation>
    </message>
    <message>
        <source>The AWS configuration file has over 2000 sections.</source>
        <translation>Le fichier de configuration AWS contient plus de 2000 sections.</translation>
    </message>
    <message>
        <source>AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not.</source>
        <translation>AWS_ACCESS_KEY_ID est défini mais pas AWS_SECRET_ACCESS_KEY.</translation>
    </message>
    <message>
        <source>AWS profile "%1"</source>
        <translation>Profil AWS « %1 »</translation>
    </message>
    <message>
        <source>The profile is in neither ~/.aws/config nor ~/.aws/credentials.</source>
        <translation>Le profil ne figure ni dans ~/.aws/config ni dans ~/.aws/credentials.</translation>
    </message>
    <message>
        <source>source_profile loops or chains over 8 profiles.</source>
        <translation>source_profile boucle ou enchaîne plus de 8 profils.</translation>
    </message>
    <message>
        <source>source_profile "%1" does not exist.</source>
        <translation>source_profile « %1 » n'existe pas.</translation>
    </message>
    <message>
        <source>credential_source (instance or container metadata) is not supported.</source>
        <translation>credential_source (métadonnées d'instance ou de conteneur) n'est pas pris en charge.</translation>
    </message>
    <message>
        <source>role_arn needs a source_profile.</source>
        <translation>role_arn nécessite un source_profile.</translation>
    </message>
    <message>
        <source>aws_access_key_id is set without aws_secret_access_key.</source>
        <translation>aws_access_key_id est défini sans aws_secret_access_key.</translation>
    </message>
    <message>
        <source>The profile has no keys, role or credential_process.</source>
        <translation>Le profil n'a ni clés, ni rôle, ni credential_process.</translation>
    </message>
    <message>
        <source>run: aws configure --profile %1</source>
        <translation>exécutez : aws configure --profile %1</translation>
    </message>
    <message>
        <source>credential_process printed over 64 KiB.</source>
        <translation>credential_process a affiché plus de 64 Kio.</translation>
    </message>
    <message>
        <source>credential_process did not print a JSON object.</source>
        <translation>credential_process n'a pas affiché d'objet JSON.</translation>
    </message>
    <message>
        <source>credential_process printed no Version 1 output.</source>
        <translation>credential_process n'a pas affiché de sortie Version 1.</translation>
    </message>
    <message>
        <source>credential_process printed no AccessKeyId or SecretAccessKey.</source>
        <translation>credential_process n'a affiché ni AccessKeyId ni SecretAccessKey.</translation>
    </message>
    <message>
        <source>STS answered with over 1 MiB.</source>
        <translation>STS a répondu avec plus de 1 Mio.</translation>
    </message>
    <message>
        <source>STS refused AssumeRole: %1 (%2)</source>
        <translation>STS a refusé AssumeRole : %1 (%2)</translation>
    </message>
    <message>
        <source>STS's AssumeRole answer has no credentials.</source>
        <translation>La réponse AssumeRole de STS ne contient pas d'identifiants.</translation>
    </message>
    <message>
        <source>The profile uses sso_session "%1", which has no [sso-session %1] section in ~/.aws/config.</source>
        <translation>Le profil utilise sso_session « %1 », qui n’a pas de section [sso-session %1] dans ~/.aws/config.</translation>
    </message>
    <message>
        <source>run: aws configure sso --profile %1</source>
        <translation>lancez : aws configure sso --profile %1</translation>
    </message>
    <message>
        <source>%1 differs between the profile and its sso-session "%2".</source>
        <translation>%1 diffère entre le profil et sa sso-session « %2 ».</translation>
    </message>
    <message>
        <source>The profile is configured for AWS SSO but misses %1.</source>
        <translation>Le profil est configuré pour AWS SSO mais il lui manque %1.</translation>
    </message>
</context>
<context>
    <name>Orrery::AwsSso</name>
    <message>
        <source>the SSO start URL %1</source>
        <translation>l’URL de démarrage SSO %1</translation>
    </message>
    <message>
        <source>the SSO session "%1"</source>
        <translation>la session SSO « %1 »</translation>
    </message>
    <message>
        <source>AWS profile "%1"</source>
        <translation>Profil AWS « %1 »</translation>
    </message>
    <message>
        <source>run: aws sso login --profile %1</source>
        <translation>lancez : aws sso login --profile %1</translation>
    </message>
    <message>
        <source>The cached AWS SSO token file is over 64 KiB.</source>
        <translation>Le fichier du jeton AWS SSO en cache dépasse 64 Kio.</translation>
    </message>
    <message>
        <source>The cached AWS SSO token file is not a JSON object.</source>
        <translation>Le fichier du jeton AWS SSO en cache n’est pas un objet JSON.</translation>
    </message>
    <message>
        <source>The cached AWS SSO token has no accessToken.</source>
        <translation>Le jeton AWS SSO en cache n’a pas d’accessToken.</translation>
    </message>
    <message>
        <source>The cached AWS SSO token's accessToken is over 16 KiB.</source>
        <translation>L’accessToken du jeton AWS SSO en cache dépasse 16 Kio.</translation>
    </message>
    <message>
        <source>The cached AWS SSO token's accessToken has control characters.</source>
        <translation>L’accessToken du jeton AWS SSO en cache contient des caractères de contrôle.</translation>
    </message>
    <message>
        <source>The cached AWS SSO token has no valid expiresAt.</source>
        <translation>Le jeton AWS SSO en cache n’a pas d’expiresAt valide.</translation>
    </message>
    <message>
        <source>No AWS SSO login is cached for %1.</source>
        <translation>Aucune connexion AWS SSO n’est en cache pour %1.</translation>
    </message>
    <message>
        <source>The AWS SSO login for %1 expired at %2.</source>
        <translation>La connexion AWS SSO de %1 a expiré à %2.</translation>
    </message>
    <message>
        <source>The AWS SSO portal answered with over 256 KiB.</source>
        <translation>Le portail AWS SSO a répondu avec plus de 256 Kio.</translation>
    </message>
    <message>
        <source>The AWS SSO portal's answer has no role credentials.</source>
        <translation>La réponse du portail AWS SSO ne contient pas d’identifiants de rôle.</translation>
    </message>
    <message>
        <source>The AWS SSO portal's answer has no valid expiration.</source>
        <translation>La réponse du portail AWS SSO n’a pas d’expiration valide.</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>The AWS SSO login for %1 is no longer valid (%2).</source>
        <translation>La connexion AWS SSO de %1 n’est plus valide (%2).</translation>
    </message>
    <message>
        <source>The SSO user may not use role %1 in account %2 (%3).</source>
        <translation>L’utilisateur SSO n’a pas le droit d’utiliser le rôle %1 dans le compte %2 (%3).</translation>
    </message>
    <message>
        <source>ask for the role in IAM Identity Center, or fix sso_role_name / sso_account_id of profile %1</source>
        <translation>demandez le rôle dans IAM Identity Center, ou corrigez sso_role_name / sso_account_id du profil %1</translation>
    </message>
    <message>
        <source>The AWS SSO portal refused GetRoleCredentials (%1).</source>
        <translation>Le portail AWS SSO a refusé GetRoleCredentials (%1).</translation>
    </message>
</context>
<context>
    <name>Orrery::AzureAccount</name>
    <message>
        <source>Azure (%1)</source>
        <translation>Azure (%1)</translation>
    </message>
    <message>
        <source>Azure (az login)</source>
        <translation>Azure (az login)</translation>
    </message>
    <message>
        <source>service principal %1 (AZURE_CLIENT_ID)</source>
        <translation>principal de service %1 (AZURE_CLIENT_ID)</translation>
    </message>
    <message>
        <source>az login</source>
        <translation>az login</translation>
    </message>
    <message>
        <source>%1 is not an AKS cluster this account has discovered.</source>
        <translation>%1 n'est pas un cluster AKS découvert par ce compte.</translation>
    </message>
    <message>
        <source>The AKS user kubeconfig of %1 has no credential Orrery can use.</source>
        <translation>Le kubeconfig utilisateur AKS de %1 ne contient aucun identifiant utilisable par Orrery.</translation>
    </message>
</context>
<context>
    <name>Orrery::AzureClient</name>
    <message>
        <source>The service principal needs a tenant, a client id and a client secret.</source>
        <translation>Le principal de service nécessite un locataire, un ID client et un secret client.</translation>
    </message>
    <message>
        <source>set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET</source>
        <translation>définissez AZURE_TENANT_ID, AZURE_CLIENT_ID et AZURE_CLIENT_SECRET</translation>
    </message>
    <message>
        <source>Microsoft Entra ID token for %1</source>
        <translation>Jeton Microsoft Entra ID pour %1</translation>
    </message>
    <message>
        <source>az account get-access-token printed over 64 KiB.</source>
        <translation>az account get-access-token a produit plus de 64 Kio.</translation>
    </message>
    <message>
        <source>az account get-access-token did not finish in 30 s.</source>
        <translation>az account get-access-token ne s'est pas terminé en 30 s.</translation>
    </message>
    <message>
        <source>az account get-access-token failed (exit code %1).</source>
        <translation>az account get-access-token a échoué (code de sortie %1).</translation>
    </message>
    <message>
        <source>run az login</source>
        <translation>exécutez az login</translation>
    </message>
    <message>
        <source>The Azure CLI (az) could not be started.</source>
        <translation>Impossible de lancer Azure CLI (az).</translation>
    </message>
    <message>
        <source>install the Azure CLI and run az login, or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET</source>
        <translation>installez Azure CLI et exécutez az login, ou définissez AZURE_TENANT_ID, AZURE_CLIENT_ID et AZURE_CLIENT_SECRET</translation>
    </message>
    <message>
        <source>Azure Resource Manager gave a next page on another host.</source>
        <translation>Azure Resource Manager a renvoyé une page suivante sur un autre hôte.</translation>
    </message>
    <message>
        <source>Azure subscriptions</source>
        <translation>Abonnements Azure</translation>
    </message>
    <message>
        <source>AKS clusters of subscription %1</source>
        <translation>Clusters AKS de l'abonnement %1</translation>
    </message>
    <message>
        <source>%1 is not an AKS cluster's resource id.</source>
        <translation>%1 n'est pas l'identifiant de ressource d'un cluster AKS.</translation>
    </message>
    <message>
        <source>credentials of AKS cluster %1</source>
        <translation>identifiants du cluster AKS %1</translation>
    </message>
</context>
<context>
    <name>Orrery::AzureJson</name>
    <message>
        <source>%1 is larger than %2.</source>
        <translation>%1 dépasse %2.</translation>
    </message>
    <message>
        <source>%1 is not a JSON object.</source>
        <translation>%1 n'est pas un objet JSON.</translation>
    </message>
    <message>
        <source>The token endpoint's answer</source>
        <translation>La réponse du point de terminaison de jeton</translation>
    </message>
    <message>
        <source>The token endpoint's answer has no access_token.</source>
        <translation>La réponse du point de terminaison de jeton ne contient pas d'access_token.</translation>
    </message>
    <message>
        <source>The token endpoint answered a %1 token; Orrery needs a Bearer token.</source>
        <translation>Le point de terminaison de jeton a renvoyé un jeton %1 ; Orrery a besoin d'un jeton Bearer.</translation>
    </message>
    <message>
        <source>The output of az account get-access-token</source>
        <translation>La sortie de az account get-access-token</translation>
    </message>
    <message>
        <source>az account get-access-token printed no accessToken.</source>
        <translation>az account get-access-token n'a produit aucun accessToken.</translation>
    </message>
    <message>
        <source>az account get-access-token printed no expiry (expires_on).</source>
        <translation>az account get-access-token n'a produit aucune expiration (expires_on).</translation>
    </message>
    <message>
        <source>Microsoft Entra ID answered HTTP %1.</source>
        <translation>Microsoft Entra ID a répondu HTTP %1.</translation>
    </message>
    <message>
        <source>check AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET, or run az login</source>
        <translation>vérifiez AZURE_TENANT_ID, AZURE_CLIENT_ID et AZURE_CLIENT_SECRET, ou exécutez az login</translation>
    </message>
    <message>
        <source>Azure Resource Manager answered HTTP %1.</source>
        <translation>Azure Resource Manager a répondu HTTP %1.</translation>
    </message>
    <message>
        <source>run az login again, or check the service principal</source>
        <translation>exécutez de nouveau az login, ou vérifiez le principal de service</translation>
    </message>
    <message>
        <source>ask for a role on the subscription that allows this action</source>
        <translation>demandez un rôle sur l'abonnement qui autorise cette action</translation>
    </message>
    <message>
        <source>The subscription list</source>
        <translation>La liste des abonnements</translation>
    </message>
    <message>
        <source>The managedClusters list</source>
        <translation>La liste managedClusters</translation>
    </message>
    <message>
        <source>The managed cluster</source>
        <translation>Le cluster managé</translation>
    </message>
    <message>
        <source>The managed cluster has no resource id.</source>
        <translation>Le cluster managé n'a pas d'identifiant de ressource.</translation>
    </message>
    <message>
        <source>The cluster credentials</source>
        <translation>Les identifiants du cluster</translation>
    </message>
    <message>
        <source>The cluster's kubeconfig</source>
        <translation>Le kubeconfig du cluster</translation>
    </message>
    <message>
        <source>The cluster's kubeconfig is not valid base64.</source>
        <translation>Le kubeconfig du cluster n'est pas du base64 valide.</translation>
    </message>
    <message>
        <source>The cluster credentials hold no kubeconfig.</source>
        <translation>Les identifiants du cluster ne contiennent aucun kubeconfig.</translation>
    </message>
    <message>
        <source>Could not write a temporary file for the cluster's kubeconfig.</source>
        <translation>Impossible d'écrire un fichier temporaire pour le kubeconfig du cluster.</translation>
    </message>
    <message>
        <source>The cluster's kubeconfig has no context.</source>
        <translation>Le kubeconfig du cluster n'a aucun contexte.</translation>
    </message>
    <message>
        <source>The cluster's kubeconfig has no cluster or user for context %1.</source>
        <translation>Le kubeconfig du cluster n'a ni cluster ni utilisateur pour le contexte %1.</translation>
    </message>
</context>
<context>
    <name>Orrery::BoundedConverter</name>
    <message>
        <source>the YAML expands to more than %1 of text (each use of an alias counts its anchored content again)</source>
        <translation>le YAML se déploie en plus de %1 de texte (chaque usage d'un alias compte à nouveau son contenu ancré)</translation>
    </message>
</context>
<context>
    <name>Orrery::CloudAccount</name>
    <message>
        <source>%1 is not an app this account can show</source>
        <translation>%1 n'est pas une application que ce compte peut afficher</translation>
    </message>
</context>
<context>
    <name>Orrery::CloudConnections</name>
    <message>
        <source>The context is not in the kubeconfig.</source>
        <translation>Le contexte ne figure pas dans le kubeconfig.</translation>
    </message>
    <message>
        <source>The account %1 is gone.</source>
        <translation>Le compte %1 n'existe plus.</translation>
    </message>
</context>
<context>
    <name>Orrery::CloudTreeModel</name>
    <message>
        <source>token expired just now</source>
        <translation>le jeton vient d'expirer</translation>
    </message>
    <message numerus="yes">
        <source>token expired %n min ago</source>
        <translation>
            <numerusform>le jeton a expiré il y a %n min</numerusform><numerusform>le jeton a expiré il y a %n min</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>token expires in %n h</source>
        <translation>
            <numerusform>le jeton expire dans %n h</numerusform><numerusform>le jeton expire dans %n h</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>token expires in %n min</source>
        <translation>
            <numerusform>le jeton expire dans %n min</numerusform><numerusform>le jeton expire dans %n min</numerusform></translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Identifiants</translation>
    </message>
    <message>
        <source>Discovery</source>
        <translation>Découverte</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>credentials refused</source>
        <translation>identifiants refusés</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>connexion…</translation>
    </message>
    <message>
        <source>refreshing…</source>
        <translation>actualisation…</translation>
    </message>
    <message>
        <source>%1
from %2</source>
        <translation>%1
de %2</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échouée</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n élément</numerusform><numerusform>%n éléments</numerusform></translation>
    </message>
</context>
<context>
    <name>Orrery::CloudsPage</name>
    <message>
        <source>&lt;b&gt;Clouds&lt;/b&gt;: the clusters and apps your cloud credentials can see. Connecting uses a token Orrery makes itself; the kubeconfig is only written by Add to kubeconfig.</source>
        <translation>&lt;b&gt;Clouds&lt;/b&gt; : les clusters et applications visibles avec vos identifiants cloud. La connexion utilise un jeton créé par Orrery lui-même ; le kubeconfig n'est modifié que par Ajouter au kubeconfig.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Open the cluster in Orrery with a token made in memory</source>
        <translation>Ouvrir le cluster dans Orrery avec un jeton créé en mémoire</translation>
    </message>
    <message>
        <source>Add to kubeconfig…</source>
        <translation>Ajouter au kubeconfig…</translation>
    </message>
    <message>
        <source>Write the context the provider's CLI would write, after showing the change</source>
        <translation>Écrire le contexte que la CLI du fournisseur écrirait, après avoir montré la modification</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Écrire</translation>
    </message>
</context>
<context>
    <name>Orrery::ClusterOperation</name>
    <message>
        <source>Dry run</source>
        <translation>Simulation (dry run)</translation>
    </message>
    <message numerus="yes">
        <source>the server validated %n write(s) without storing anything.</source>
        <translation>
            <numerusform>le serveur a validé %n écriture(s) sans rien enregistrer.</numerusform><numerusform>le serveur a validé %n écriture(s) sans rien enregistrer.</numerusform></translation>
    </message>
    <message>
        <source>The request did not reach the server: %1</source>
        <translation>La requête n'a pas atteint le serveur : %1</translation>
    </message>
    <message>
        <source>Forbidden: the user %1 may not %2 %3 on this cluster.</source>
        <translation>Interdit : l'utilisateur %1 ne peut pas effectuer %2 sur %3 dans ce cluster.</translation>
    </message>
    <message>
        <source>Forbidden: the user %1 may not %2 %3 in namespace %4.</source>
        <translation>Interdit : l'utilisateur %1 ne peut pas effectuer %2 sur %3 dans le namespace %4.</translation>
    </message>
    <message>
        <source>Ask a cluster administrator for this RBAC permission, or use a context with more rights.</source>
        <translation>Demandez cette autorisation RBAC à un administrateur du cluster, ou utilisez un contexte disposant de plus de droits.</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>Le serveur a répondu : %1</translation>
    </message>
    <message>
        <source>Conflict: the object changed on the server meanwhile (%1). Try again.</source>
        <translation>Conflit : l'objet a été modifié sur le serveur entre-temps (%1). Réessayez.</translation>
    </message>
    <message>
        <source>Not found: %1 %2 is not there (any more).</source>
        <translation>Introuvable : %1 %2 n'existe pas (ou plus).</translation>
    </message>
    <message>
        <source>The server refused (HTTP %1): %2</source>
        <translation>Le serveur a refusé (HTTP %1) : %2</translation>
    </message>
    <message>
        <source>Not allowed: you may not %1 %2 on this cluster.</source>
        <translation>Non autorisé : vous ne pouvez pas effectuer %1 sur %2 dans ce cluster.</translation>
    </message>
    <message>
        <source>Not allowed: you may not %1 %2 in namespace %3.</source>
        <translation>Non autorisé : vous ne pouvez pas effectuer %1 sur %2 dans le namespace %3.</translation>
    </message>
    <message>
        <source>The server says: %1</source>
        <translation>Le serveur indique : %1</translation>
    </message>
    <message>
        <source>Nothing to change</source>
        <translation>Rien à changer</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>The change failed</source>
        <translation>La modification a échoué</translation>
    </message>
    <message>
        <source>Alertmanager could not be reached: %1</source>
        <translation>Alertmanager est injoignable : %1</translation>
    </message>
    <message>
        <source>Forbidden: reaching Alertmanager through the API server needs the verb "%1" on services/proxy in namespace %2.
The server said: %3</source>
        <translation>Interdit : joindre Alertmanager via le serveur d'API nécessite le verbe "%1" sur services/proxy dans l'espace de noms %2.
Le serveur a répondu : %3</translation>
    </message>
    <message>
        <source>Alertmanager refused (HTTP %1): %2</source>
        <translation>Alertmanager a refusé (HTTP %1) : %2</translation>
    </message>
</context>
<context>
    <name>Orrery::ClusterOverviewPage</name>
    <message>
        <source>Cluster overview</source>
        <translation>Vue d'ensemble du cluster</translation>
    </message>
    <message>
        <source>Choose a context to see its cluster.</source>
        <translation>Choisissez un contexte pour voir son cluster.</translation>
    </message>
    <message>
        <source>Cluster %1</source>
        <translation>Cluster %1</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>Namespaces</translation>
    </message>
    <message>
        <source>Workloads</source>
        <translation>Charges de travail</translation>
    </message>
    <message>
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <source>%1 running</source>
        <translation>%1 en cours d'exécution</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Nodes</translation>
    </message>
    <message>
        <source>%1 ready</source>
        <translation>%1 prêts</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Utilisation</translation>
    </message>
    <message>
        <source>CPU: %1 of %2 allocatable (%3 %)</source>
        <translation>CPU : %1 sur %2 allouables (%3 %)</translation>
    </message>
    <message>
        <source>Memory: %1 of %2 allocatable (%3 %)</source>
        <translation>Mémoire : %1 sur %2 allouables (%3 %)</translation>
    </message>
    <message>
        <source>No usage figures: metrics-server has not answered (yet).</source>
        <translation>Aucune donnée d'utilisation : metrics-server n'a pas (encore) répondu.</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>Nothing needs attention.</source>
        <translation>Rien ne requiert votre attention.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s): open the Problems page</source>
        <translation>
            <numerusform>%n problème : ouvrez la page Problèmes</numerusform><numerusform>%n problèmes : ouvrez la page Problèmes</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>et %n autre</numerusform><numerusform>et %n autres</numerusform></translation>
    </message>
</context>
<context>
    <name>Orrery::ClusterRunbookExecutor</name>
    <message>
        <source>timed out waiting for the rollout: %1</source>
        <translation>délai dépassé en attendant le déploiement : %1</translation>
    </message>
    <message>
        <source>waited %1 s</source>
        <translation>attente de %1 s</translation>
    </message>
    <message>
        <source>setLoad works only on the demo cluster</source>
        <translation>setLoad ne fonctionne que sur le cluster de démonstration</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>applied %1 objects from %2</source>
        <translation>%1 objets appliqués depuis %2</translation>
    </message>
    <message>
        <source>The simulator drives the load of Deployments and StatefulSets only.</source>
        <translation>Le simulateur ne pilote la charge que des Deployments et des StatefulSets.</translation>
    </message>
    <message>
        <source>Set the simulated load of %1 back to its schedule</source>
        <translation>Remettre la charge simulée de %1 sur son programme</translation>
    </message>
    <message>
        <source>Set the simulated load of %1 to %2% of its peak</source>
        <translation>Régler la charge simulée de %1 à %2% de son pic</translation>
    </message>
    <message>
        <source>Forbidden: this context's user may not %1 %2 on this cluster.</source>
        <translation>Interdit : l’utilisateur de ce contexte ne peut pas faire %1 sur %2 dans ce cluster.</translation>
    </message>
    <message>
        <source>Forbidden: this context's user may not %1 %2 in namespace %3.</source>
        <translation>Interdit : l’utilisateur de ce contexte ne peut pas faire %1 sur %2 dans le namespace %3.</translation>
    </message>
    <message>
        <source>Ask a cluster administrator for this RBAC permission, or play the runbook with a context that has it.</source>
        <translation>Demandez cette permission RBAC à un administrateur du cluster, ou jouez le runbook avec un contexte qui l’a.</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>Le serveur a répondu : %1</translation>
    </message>
</context>
<context>
    <name>Orrery::ClusterSidebar</name>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Se reconnecter</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Set Display Name…</source>
        <translation>Définir le nom affiché…</translation>
    </message>
    <message>
        <source>Set Colour…</source>
        <translation>Définir la couleur…</translation>
    </message>
    <message>
        <source>Protected (Production)</source>
        <translation>Protégé (production)</translation>
    </message>
    <message>
        <source>Display Name</source>
        <translation>Nom affiché</translation>
    </message>
    <message>
        <source>Name shown for context "%1" (empty: the context name):</source>
        <translation>Nom affiché pour le contexte « %1 » (vide : le nom du contexte) :</translation>
    </message>
    <message>
        <source>Context Colour</source>
        <translation>Couleur du contexte</translation>
    </message>
    <message>
        <source>Marks this context's cluster red everywhere, in every context that reaches it, and asks for confirmation before changes</source>
        <translation>Marque en rouge le cluster de ce contexte partout, dans chaque contexte qui l'atteint, et demande une confirmation avant les modifications</translation>
    </message>
</context>
<context>
    <name>Orrery::ClusterWriteExecutor</name>
    <message>
        <source>Not sent: the audit log could not record this change (%1: %2). Free some disk space or fix the audit directory's permissions, then try again.</source>
        <translation>Non envoyé : le journal d'audit n'a pas pu enregistrer cette modification (%1 : %2). Libérez de l'espace disque ou corrigez les permissions du répertoire d'audit, puis réessayez.</translation>
    </message>
</context>
<context>
    <name>Orrery::CommandPalette</name>
    <message>
        <source>Jump to a page, kind, context, command or resource of any connected context…</source>
        <translation>Aller à une page, un type, un contexte, une commande ou une ressource de n'importe quel contexte connecté…</translation>
    </message>
    <message>
        <source>Nothing matches “%1” in the pages, kinds, contexts, commands or the objects of the connected contexts.</source>
        <translation>Rien ne correspond à « %1 » dans les pages, les types, les contextes, les commandes ou les objets des contextes connectés.</translation>
    </message>
</context>
<context>
    <name>Orrery::ConfirmDialog</name>
    <message>
        <source>PROTECTED context: type the context name “%1” to unlock this write.</source>
        <translation>Contexte PROTÉGÉ : saisissez le nom du contexte “%1” pour déverrouiller cette écriture.</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>Contexte :</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Cluster:</source>
        <translation>Cluster :</translation>
    </message>
    <message>
        <source>Namespace:</source>
        <translation>Namespace :</translation>
    </message>
    <message>
        <source>(cluster-scoped)</source>
        <translation>(portée cluster)</translation>
    </message>
    <message>
        <source>Object:</source>
        <translation>Objet :</translation>
    </message>
    <message>
        <source>Preview on server</source>
        <translation>Aperçu sur le serveur</translation>
    </message>
    <message>
        <source>Send the same request with dryRun=All: the server validates and admits it without storing anything.</source>
        <translation>Envoyer la même requête avec dryRun=All : le serveur la valide et l'admet sans rien enregistrer.</translation>
    </message>
    <message>
        <source>Type %1 to confirm</source>
        <translation>Saisissez %1 pour confirmer</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Interrogation du serveur…</translation>
    </message>
    <message>
        <source>Server dry run accepted: %1</source>
        <translation>Simulation acceptée par le serveur : %1</translation>
    </message>
    <message>
        <source>Server dry run refused: %1</source>
        <translation>Simulation refusée par le serveur : %1</translation>
    </message>
    <message>
        <source>TLS verification is OFF for this cluster (insecure-skip-tls-verify): the server's identity is not checked, so this write and your credentials go to whoever answers.</source>
        <translation>La vérification TLS est DÉSACTIVÉE pour ce cluster (insecure-skip-tls-verify) : l'identité du serveur n'est pas vérifiée, donc cette écriture et vos identifiants vont à quiconque répond.</translation>
    </message>
</context>
<context>
    <name>Orrery::ContextStatusLabel</name>
    <message>
        <source>(demo)</source>
        <translation>(démo)</translation>
    </message>
    <message>
        <source>PROTECTED</source>
        <translation>PROTÉGÉ</translation>
    </message>
</context>
<context>
    <name>Orrery::ContextStrip</name>
    <message>
        <source>PROTECTED — changes need confirmation</source>
        <translation>PROTÉGÉ — les modifications demandent une confirmation</translation>
    </message>
    <message>
        <source>Demo cluster — simulated, nothing here is real</source>
        <translation>Cluster de démonstration — simulé, rien ici n'est réel</translation>
    </message>
    <message>
        <source>No cluster selected</source>
        <translation>Aucun cluster sélectionné</translation>
    </message>
    <message>
        <source>Protected</source>
        <translation>Protégé</translation>
    </message>
    <message>
        <source>TLS NOT VERIFIED</source>
        <translation>TLS NON VÉRIFIÉ</translation>
    </message>
    <message>
        <source>The kubeconfig sets insecure-skip-tls-verify for this cluster: the server's identity is not checked.</source>
        <translation>Le kubeconfig active insecure-skip-tls-verify pour ce cluster : l'identité du serveur n'est pas vérifiée.</translation>
    </message>
</context>
<context>
    <name>Orrery::ContextTreeModel</name>
    <message>
        <source>(no cluster)</source>
        <translation>(aucun cluster)</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Context %1
Server: %2
User: %3
Namespace: %4</source>
        <translation>Contexte %1
Serveur : %2
Utilisateur : %3
Espace de noms : %4</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Protected: changes need confirmation</source>
        <translation>Protégé : les modifications demandent une confirmation</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problème</numerusform><numerusform>%n problèmes</numerusform></translation>
    </message>
    <message>
        <source>From the cloud account %1, connected in memory (not in the kubeconfig)</source>
        <translation>Du compte cloud %1, connecté en mémoire (pas dans le kubeconfig)</translation>
    </message>
    <message>
        <source>Cloud: %1</source>
        <translation>Cloud : %1</translation>
    </message>
    <message>
        <source>Clusters of %1 connected from the Clouds page</source>
        <translation>Clusters de %1 connectés depuis la page Clouds</translation>
    </message>
</context>
<context>
    <name>Orrery::ControllerRevisionRollback</name>
    <message>
        <source>unable to find specified revision %1 in history</source>
        <translation>impossible de trouver la révision %1 dans l'historique</translation>
    </message>
    <message>
        <source>no rollbacker has been implemented for %1</source>
        <translation>aucun retour arrière n'est implémenté pour %1</translation>
    </message>
    <message>
        <source>no last revision to roll back to</source>
        <translation>aucune révision précédente vers laquelle revenir</translation>
    </message>
    <message>
        <source>skipped rollback (current template already matches revision %1)</source>
        <translation>retour arrière ignoré (le modèle actuel correspond déjà à la révision %1)</translation>
    </message>
    <message>
        <source>ControllerRevision %1 holds no data</source>
        <translation>La ControllerRevision %1 ne contient aucune donnée</translation>
    </message>
    <message>
        <source>Roll back %1 %2/%3 to revision %4</source>
        <translation>Revenir à la révision %4 pour %1 %2/%3</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>retour arrière effectué</translation>
    </message>
</context>
<context>
    <name>Orrery::CreateSilenceOperation</name>
    <message>
        <source>Silence %1</source>
        <translation>Mettre en sourdine %1</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>Mettre en sourdine</translation>
    </message>
    <message>
        <source>Cannot silence %1</source>
        <translation>Impossible de mettre en sourdine %1</translation>
    </message>
    <message>
        <source>A silence needs at least one matcher: without one it would match nothing, and Alertmanager refuses it.</source>
        <translation>Un silence nécessite au moins un critère : sans critère, il ne correspondrait à rien, et Alertmanager le refuse.</translation>
    </message>
    <message>
        <source>Say why in the comment: it is what the next person on call reads.</source>
        <translation>Indiquez la raison dans le commentaire : c'est ce que lira la prochaine personne d'astreinte.</translation>
    </message>
    <message>
        <source>The silence must end after it starts.</source>
        <translation>Le silence doit se terminer après son début.</translation>
    </message>
    <message>
        <source>Silence %1 for %2, until %3, matching %4</source>
        <translation>Mettre en sourdine %1 pendant %2, jusqu'à %3, avec les critères %4</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Commentaire : %1</translation>
    </message>
    <message>
        <source>Created by: %1</source>
        <translation>Créé par : %1</translation>
    </message>
    <message>
        <source>Alertmanager has no dry run; the silence was checked here (matchers, comment, times) and nothing was sent.</source>
        <translation>Alertmanager n'a pas de simulation ; le silence a été vérifié ici (critères, commentaire, horaires) et rien n'a été envoyé.</translation>
    </message>
    <message>
        <source>%1: done (%2)</source>
        <translation>%1 : terminé (%2)</translation>
    </message>
    <message>
        <source>Silenced %1 until %2 (silence %3)</source>
        <translation>Alerte %1 mise en sourdine jusqu'à %2 (silence %3)</translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation>%1 : échec : %2</translation>
    </message>
    <message>
        <source>Silenced %1. Expire the silence again?</source>
        <translation>Alerte %1 mise en sourdine. Faire expirer le silence ?</translation>
    </message>
    <message>
        <source>the answer could not be read</source>
        <translation>la réponse n'a pas pu être lue</translation>
    </message>
</context>
<context>
    <name>Orrery::DeleteDialog</name>
    <message>
        <source>Delete %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <source>Background: delete now, dependants are removed afterwards</source>
        <translation>Arrière-plan : supprimer maintenant, les dépendants sont supprimés ensuite</translation>
    </message>
    <message>
        <source>Foreground: dependants are removed first</source>
        <translation>Premier plan : les dépendants sont supprimés d'abord</translation>
    </message>
    <message>
        <source>Orphan: keep the dependants</source>
        <translation>Orphelin : conserver les dépendants</translation>
    </message>
    <message>
        <source>Dependants:</source>
        <translation>Dépendants :</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Examiner…</translation>
    </message>
</context>
<context>
    <name>Orrery::DeleteOperation</name>
    <message>
        <source>Delete %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>Impossible de supprimer</translation>
    </message>
    <message>
        <source>This pod has no controller: once deleted it is gone.</source>
        <translation>Ce pod n'a pas de contrôleur : une fois supprimé, il disparaît définitivement.</translation>
    </message>
    <message>
        <source>%1 controls this pod and will create a replacement right away (this is how a pod is restarted).</source>
        <translation>%1 contrôle ce pod et en créera immédiatement un remplaçant (c'est ainsi qu'on redémarre un pod).</translation>
    </message>
</context>
<context>
    <name>Orrery::DeploymentRollback</name>
    <message>
        <source>unable to find specified revision %1 in history</source>
        <translation>impossible de trouver la révision %1 dans l'historique</translation>
    </message>
    <message>
        <source>you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again</source>
        <translation>impossible de revenir en arrière sur un deployment en pause ; reprenez-le d'abord avec 'kubectl rollout resume' puis réessayez</translation>
    </message>
    <message>
        <source>no rollout history found for deployment "%1"</source>
        <translation>aucun historique de déploiement trouvé pour le deployment « %1 »</translation>
    </message>
    <message>
        <source>skipped rollback (current template already matches revision %1)</source>
        <translation>retour arrière ignoré (le modèle actuel correspond déjà à la révision %1)</translation>
    </message>
    <message>
        <source>Roll back Deployment %1/%2 to revision %3</source>
        <translation>Revenir à la révision %3 pour le Deployment %1/%2</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>retour arrière effectué</translation>
    </message>
</context>
<context>
    <name>Orrery::DetailsPane</name>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message numerus="yes">
        <source>%n restart(s)</source>
        <translation>
            <numerusform>%n redémarrage</numerusform><numerusform>%n redémarrages</numerusform></translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>Requests / limits</source>
        <translation>Requêtes / limites</translation>
    </message>
    <message>
        <source>Liveness</source>
        <translation>Liveness</translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation>Readiness</translation>
    </message>
    <message>
        <source>Startup</source>
        <translation>Startup</translation>
    </message>
    <message>
        <source>Reveal value</source>
        <translation>Révéler la valeur</translation>
    </message>
    <message>
        <source>Values are hidden. Select a key and reveal it; revealed values are kept only while this object is shown and never saved.</source>
        <translation>Les valeurs sont masquées. Sélectionnez une clé et révélez-la ; les valeurs révélées ne sont conservées que tant que cet objet est affiché et ne sont jamais enregistrées.</translation>
    </message>
    <message>
        <source>Hide all</source>
        <translation>Tout masquer</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Vue d'ensemble</translation>
    </message>
    <message>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Journaux</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Aucune sélection</translation>
    </message>
    <message>
        <source>Select a row to see its details. Enter opens, Esc goes back.</source>
        <translation>Sélectionnez une ligne pour voir ses détails. Entrée ouvre, Échap revient en arrière.</translation>
    </message>
    <message>
        <source>%1 in namespace %2</source>
        <translation>%1 dans l'espace de noms %2</translation>
    </message>
    <message>
        <source>%1 — deleted from the cluster</source>
        <translation>%1 — supprimé du cluster</translation>
    </message>
    <message>
        <source>QoS class</source>
        <translation>Classe QoS</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Node</translation>
    </message>
    <message>
        <source>Service account</source>
        <translation>Compte de service</translation>
    </message>
    <message>
        <source>Selector</source>
        <translation>Sélecteur</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Stratégie</translation>
    </message>
    <message>
        <source> (paused)</source>
        <translation> (en pause)</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Révision</translation>
    </message>
    <message>
        <source>Scales</source>
        <translation>Met à l'échelle</translation>
    </message>
    <message>
        <source>Desired replicas</source>
        <translation>Répliques souhaitées</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Volume link</source>
        <translation>Volume lié</translation>
    </message>
    <message>
        <source>Claim link</source>
        <translation>Claim liée</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Deleting since</source>
        <translation>Suppression depuis</translation>
    </message>
    <message>
        <source>UID</source>
        <translation>UID</translation>
    </message>
    <message>
        <source>Owned by</source>
        <translation>Appartient à</translation>
    </message>
    <message>
        <source>Selects</source>
        <translation>Sélectionne</translation>
    </message>
    <message>
        <source>Owns</source>
        <translation>Possède</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>et %n autre</numerusform><numerusform>et %n autres</numerusform></translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Conteneurs</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>Utilise</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Clés</translation>
    </message>
    <message>
        <source>(values hidden; see YAML tab to reveal)</source>
        <translation>(valeurs masquées ; voir l'onglet YAML pour les révéler)</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>Loading YAML…</source>
        <translation>Chargement du YAML…</translation>
    </message>
    <message>
        <source>Could not load the YAML</source>
        <translation>Impossible de charger le YAML</translation>
    </message>
    <message>
        <source>secret</source>
        <translation>secret</translation>
    </message>
    <message>
        <source>&lt;could not read: %1&gt;</source>
        <translation>&lt;lecture impossible : %1&gt;</translation>
    </message>
    <message>
        <source>&lt;no value&gt;</source>
        <translation>&lt;aucune valeur&gt;</translation>
    </message>
    <message>
        <source>&lt;could not decode&gt;</source>
        <translation>&lt;décodage impossible&gt;</translation>
    </message>
    <message>
        <source>no pods match this workload's selector</source>
        <translation>aucun pod ne correspond au sélecteur de cette charge de travail</translation>
    </message>
    <message>
        <source>Following %1</source>
        <translation>Suivi de %1</translation>
    </message>
    <message numerus="yes">
        <source>Following %n container(s), merged</source>
        <translation>
            <numerusform>Suivi de %n conteneur, fusionné</numerusform><numerusform>Suivi de %n conteneurs, fusionnés</numerusform></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>No actions for this object</source>
        <translation>Aucune action pour cet objet</translation>
    </message>
    <message>
        <source>%1 of allocatable</source>
        <translation>%1 de la capacité allouable</translation>
    </message>
    <message>
        <source>no request set</source>
        <translation>aucune requête définie</translation>
    </message>
    <message>
        <source>%1 of request</source>
        <translation>%1 de la requête</translation>
    </message>
    <message>
        <source>no limit set</source>
        <translation>aucune limite définie</translation>
    </message>
    <message>
        <source>%1 of limit</source>
        <translation>%1 de la limite</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Métriques</translation>
    </message>
    <message>
        <source>Waiting for the first answer of metrics-server…</source>
        <translation>En attente de la première réponse de metrics-server…</translation>
    </message>
    <message>
        <source>Alerts (%1 firing)</source>
        <translation>Alertes (déclenchées : %1)</translation>
    </message>
    <message>
        <source>silenced</source>
        <translation>en sourdine</translation>
    </message>
    <message>
        <source>inhibited</source>
        <translation>inhibée</translation>
    </message>
    <message>
        <source>firing</source>
        <translation>déclenchée</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>depuis %1</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <source>runbook</source>
        <translation>runbook</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>Allocatable</source>
        <translation>Allouable</translation>
    </message>
    <message>
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <source>The logs are shown in their own window.</source>
        <translation>Les journaux sont affichés dans leur propre fenêtre.</translation>
    </message>
    <message>
        <source>Show Logs Here</source>
        <translation>Afficher les journaux ici</translation>
    </message>
    <message>
        <source>Logs — %1</source>
        <translation>Journaux — %1</translation>
    </message>
</context>
<context>
    <name>Orrery::EditOperation</name>
    <message>
        <source>Secrets are not edited here: Orrery never reads their values. Use Apply manifests… with the whole Secret instead.</source>
        <translation>Les Secrets ne sont pas modifiés ici : Orrery ne lit jamais leurs valeurs. Utilisez plutôt Appliquer des manifestes… avec le Secret complet.</translation>
    </message>
    <message>
        <source>edited YAML</source>
        <translation>YAML modifié</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>ligne %1</translation>
    </message>
    <message>
        <source>The edited text is not valid YAML: %1</source>
        <translation>Le texte modifié n'est pas du YAML valide : %1</translation>
    </message>
    <message>
        <source>The edited text is not valid YAML (%1): %2</source>
        <translation>Le texte modifié n'est pas du YAML valide (%1) : %2</translation>
    </message>
    <message>
        <source>The edited text must be one object (a YAML mapping).</source>
        <translation>Le texte modifié doit être un seul objet (un mapping YAML).</translation>
    </message>
    <message>
        <source>The kind cannot be changed by an edit (%1, not %2).</source>
        <translation>Le kind ne peut pas être changé par une modification (%1, et non %2).</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>The name and namespace cannot be changed by an edit: this edits %1. To make a copy, use Apply manifests….</source>
        <translation>Le nom et l'espace de noms ne peuvent pas être changés par une modification : ceci modifie %1. Pour en faire une copie, utilisez Appliquer des manifestes….</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Modifier %1</translation>
    </message>
    <message>
        <source>Apply changes</source>
        <translation>Appliquer les modifications</translation>
    </message>
    <message>
        <source>Cannot edit %1</source>
        <translation>Impossible de modifier %1</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Modifié par quelqu'un d'autre</translation>
    </message>
    <message>
        <source>The edit was not applied</source>
        <translation>La modification n'a pas été appliquée</translation>
    </message>
    <message>
        <source>There is no edited text to apply.</source>
        <translation>Aucun texte modifié à appliquer.</translation>
    </message>
    <message>
        <source>Put %1 back as it was before the edit</source>
        <translation>Rétablir %1 tel qu'il était avant la modification</translation>
    </message>
    <message>
        <source>The edited text is the same as %1: nothing to apply.</source>
        <translation>Le texte modifié est identique à %1 : rien à appliquer.</translation>
    </message>
    <message>
        <source>live</source>
        <translation>actuel</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>when you started editing</source>
        <translation>au début de la modification</translation>
    </message>
    <message>
        <source>live now</source>
        <translation>actuel</translation>
    </message>
    <message>
        <source>after the edit</source>
        <translation>après la modification</translation>
    </message>
    <message>
        <source>The server reports no change for this object.</source>
        <translation>Le serveur ne signale aucune modification pour cet objet.</translation>
    </message>
    <message>
        <source>The server accepted the edit (dry run).</source>
        <translation>Le serveur a accepté la modification (simulation).</translation>
    </message>
    <message>
        <source>Someone else changed %1 after you opened it for editing: the server refused to overwrite their change. Reload to edit the latest version, or look at the differences first.</source>
        <translation>Quelqu'un d'autre a modifié %1 après que vous l'avez ouvert pour le modifier : le serveur a refusé d'écraser sa modification. Rechargez pour modifier la dernière version, ou consultez d'abord les différences.</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>Le serveur a répondu : %1</translation>
    </message>
    <message>
        <source>The server refused the edited %1 as invalid:</source>
        <translation>Le serveur a refusé %1 modifié car il n'est pas valide :</translation>
    </message>
    <message>
        <source>Edited %1.</source>
        <translation>%1 modifié.</translation>
    </message>
</context>
<context>
    <name>Orrery::ErrorPresenter</name>
    <message>
        <source>You may not list %1 here</source>
        <translation>Vous n'êtes pas autorisé à lister les %1 ici</translation>
    </message>
    <message>
        <source>The cluster rejected your credentials</source>
        <translation>Le cluster a refusé vos identifiants</translation>
    </message>
    <message>
        <source>The cluster cannot be reached</source>
        <translation>Le cluster est injoignable</translation>
    </message>
    <message>
        <source>The cluster does not answer</source>
        <translation>Le cluster ne répond pas</translation>
    </message>
    <message>
        <source>This cluster does not serve %1</source>
        <translation>Ce cluster ne fournit pas les %1</translation>
    </message>
    <message>
        <source>The API server reported an error</source>
        <translation>Le serveur d'API a signalé une erreur</translation>
    </message>
    <message>
        <source>%1 cannot be loaded</source>
        <translation>Impossible de charger les %1</translation>
    </message>
    <message>
        <source>Your account lacks the "list" and "watch" permissions for %1. Ask a cluster administrator for them, or check with: kubectl auth can-i list %1</source>
        <translation>Votre compte n'a pas les permissions « list » et « watch » pour les %1. Demandez-les à un administrateur du cluster, ou vérifiez avec : kubectl auth can-i list %1</translation>
    </message>
    <message>
        <source>Your login may have expired. Log in again with your cloud or SSO tool (for example "aws sso login" or "gcloud auth login"), then choose Reconnect.</source>
        <translation>Votre session a peut-être expiré. Reconnectez-vous avec votre outil cloud ou SSO (par exemple « aws sso login » ou « gcloud auth login »), puis choisissez Se reconnecter.</translation>
    </message>
    <message>
        <source>Check your network or VPN connection and that the server address in the kubeconfig is right. Orrery keeps retrying.</source>
        <translation>Vérifiez votre connexion réseau ou VPN et que l'adresse du serveur dans le kubeconfig est correcte. Orrery continue de réessayer.</translation>
    </message>
    <message>
        <source>The API group is not installed or is disabled on this cluster.</source>
        <translation>Le groupe d'API n'est pas installé ou est désactivé sur ce cluster.</translation>
    </message>
    <message>
        <source>One page of %1 is larger than Orrery accepts, so it stopped loading them instead of downloading the same page again. Listing fewer at a time helps: a smaller page size or one namespace at a time (try: kubectl get %1 --chunk-size=50 -n NAMESPACE). Choose Reconnect to try again.</source>
        <translation>Une page de %1 dépasse ce qu’Orrery accepte : le chargement s’est arrêté au lieu de retélécharger la même page. Lister moins à la fois aide : des pages plus petites ou un namespace à la fois (essayez : kubectl get %1 --chunk-size=50 -n NAMESPACE). Choisissez « Se reconnecter » pour réessayer.</translation>
    </message>
    <message>
        <source>Orrery keeps retrying.</source>
        <translation>Orrery continue de réessayer.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Détails : %1</translation>
    </message>
    <message>
        <source>Reloading %1: %2.</source>
        <translation>Rechargement de %1 : %2.</translation>
    </message>
    <message>
        <source>Reloading all clusters: %1.</source>
        <translation>Rechargement de tous les clusters : %1.</translation>
    </message>
    <message>
        <source>%1 %2 is not in the cluster (any more).</source>
        <translation>%1 %2 n'est pas (ou plus) dans le cluster.</translation>
    </message>
    <message>
        <source>The cluster's certificate is not the one the kubeconfig trusts</source>
        <translation>Le certificat du cluster n'est pas celui auquel le kubeconfig fait confiance</translation>
    </message>
    <message>
        <source>The server's certificate changed or the kubeconfig's certificate authority or client certificate is out of date. Refresh the credentials (for example "aws eks update-kubeconfig" or "az aks get-credentials"): Orrery reloads the kubeconfig when it changes. If the certificate changed unexpectedly, check with your cluster administrator before trusting it.</source>
        <translation>Le certificat du serveur a changé, ou l'autorité de certification ou le certificat client du kubeconfig n'est plus à jour. Renouvelez les identifiants (par exemple "aws eks update-kubeconfig" ou "az aks get-credentials") : Orrery recharge le kubeconfig quand il change. Si le certificat a changé de manière inattendue, vérifiez auprès de l'administrateur de votre cluster avant de lui faire confiance.</translation>
    </message>
</context>
<context>
    <name>Orrery::EventFilterProxyModel</name>
    <message numerus="yes">
        <source>%n event(s) grouped: same type, reason, object and message</source>
        <translation>
            <numerusform>%n événement regroupé : même type, raison, objet et message</numerusform><numerusform>%n événements regroupés : même type, raison, objet et message</numerusform></translation>
    </message>
</context>
<context>
    <name>Orrery::ExecOperation</name>
    <message>
        <source>Open a shell in %1</source>
        <translation>Ouvrir un shell dans %1</translation>
    </message>
    <message>
        <source>Open Shell</source>
        <translation>Ouvrir un shell</translation>
    </message>
    <message>
        <source>Cannot open a shell</source>
        <translation>Impossible d'ouvrir un shell</translation>
    </message>
    <message>
        <source>Opening a shell in %1…</source>
        <translation>Ouverture d'un shell dans %1…</translation>
    </message>
    <message>
        <source>cannot exec into a container in a completed pod; current phase is %1</source>
        <translation>impossible d'exécuter une commande dans un conteneur d'un pod terminé ; la phase actuelle est %1</translation>
    </message>
    <message>
        <source>pod %1 has no container to exec into</source>
        <translation>le pod %1 n'a aucun conteneur dans lequel exécuter une commande</translation>
    </message>
    <message>
        <source>container %1 not found in pod %2</source>
        <translation>conteneur %1 introuvable dans le pod %2</translation>
    </message>
    <message>
        <source>you must specify at least one command</source>
        <translation>vous devez spécifier au moins une commande</translation>
    </message>
    <message>
        <source>Run %1 in container %2 of pod %3/%4</source>
        <translation>Exécuter %1 dans le conteneur %2 du pod %3/%4</translation>
    </message>
    <message>
        <source>%1: not allowed</source>
        <translation>%1 : non autorisé</translation>
    </message>
    <message>
        <source>%1: not opened</source>
        <translation>%1 : non ouvert</translation>
    </message>
    <message>
        <source>%1: opened (%2)</source>
        <translation>%1 : ouvert (%2)</translation>
    </message>
    <message>
        <source>ok: exited with code %1</source>
        <translation>ok : terminé avec le code %1</translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation>%1 : échec : %2</translation>
    </message>
</context>
<context>
    <name>Orrery::ExecTerminal</name>
    <message>
        <source>Reconnect</source>
        <translation>Se reconnecter</translation>
    </message>
    <message>
        <source>Shell — %1</source>
        <translation>Shell — %1</translation>
    </message>
    <message>
        <source>Shell — %1/%2</source>
        <translation>Shell — %1/%2</translation>
    </message>
    <message>
        <source>Connecting to %1 in %2 (%3)…</source>
        <translation>Connexion à %1 dans %2 (%3)…</translation>
    </message>
    <message>
        <source>%1 in %2 (%3) — %4</source>
        <translation>%1 dans %2 (%3) — %4</translation>
    </message>
    <message>
        <source>The shell exited with code %1.</source>
        <translation>Le shell s'est terminé avec le code %1.</translation>
    </message>
    <message>
        <source>Not allowed to open a shell here: %1</source>
        <translation>Ouverture d'un shell non autorisée ici : %1</translation>
    </message>
    <message>
        <source>The shell ended: %1</source>
        <translation>Le shell s'est terminé : %1</translation>
    </message>
</context>
<context>
    <name>Orrery::ExpireSilenceOperation</name>
    <message>
        <source>Expire silence %1</source>
        <translation>Faire expirer le silence %1</translation>
    </message>
    <message>
        <source>Expire</source>
        <translation>Faire expirer</translation>
    </message>
    <message>
        <source>Cannot expire silence %1</source>
        <translation>Impossible de faire expirer le silence %1</translation>
    </message>
    <message>
        <source>the connection to Alertmanager is closed</source>
        <translation>la connexion à Alertmanager est fermée</translation>
    </message>
    <message>
        <source>Alertmanager has no silence %1 (expired silences are kept only for a while)</source>
        <translation>Alertmanager n'a pas de silence %1 (les silences expirés ne sont conservés que pendant un certain temps)</translation>
    </message>
    <message>
        <source>silence %1 is already expired</source>
        <translation>le silence %1 a déjà expiré</translation>
    </message>
    <message>
        <source>Expire silence %1 matching %2</source>
        <translation>Faire expirer le silence %1 (critères %2)</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Commentaire : %1</translation>
    </message>
    <message>
        <source>Created by: %1</source>
        <translation>Créé par : %1</translation>
    </message>
    <message>
        <source>Alertmanager has no dry run; nothing was sent.</source>
        <translation>Alertmanager n'a pas de simulation ; rien n'a été envoyé.</translation>
    </message>
    <message>
        <source>Expired silence %1. Silence the same alerts again until %2?</source>
        <translation>Silence %1 expiré. Remettre les mêmes alertes en sourdine jusqu'à %2 ?</translation>
    </message>
</context>
<context>
    <name>Orrery::Fields</name>
    <message>
        <source>step "%1" needs "%2"</source>
        <translation>l'étape « %1 » nécessite « %2 »</translation>
    </message>
    <message>
        <source>"%1" of step "%2" must be a single value</source>
        <translation>« %1 » de l'étape « %2 » doit être une seule valeur</translation>
    </message>
    <message>
        <source>"%1" of step "%2" must be a whole number from %3 to %4</source>
        <translation>« %1 » de l'étape « %2 » doit être un nombre entier entre %3 et %4</translation>
    </message>
    <message>
        <source>"%1" of step "%2" must be true or false</source>
        <translation>« %1 » de l'étape « %2 » doit valoir true ou false</translation>
    </message>
    <message>
        <source>target "%1" of step "%2" must look like deployment/NAME, statefulset/NAME or daemonset/NAME</source>
        <translation>la cible « %1 » de l'étape « %2 » doit être de la forme deployment/NOM, statefulset/NOM ou daemonset/NOM</translation>
    </message>
    <message>
        <source>step "%1" has no field "%2"</source>
        <translation>l'étape « %1 » n'a pas de champ « %2 »</translation>
    </message>
</context>
<context>
    <name>Orrery::FlyAccount</name>
    <message>
        <source>No Fly.io token: FLY_API_TOKEN is not set and flyctl has not logged in</source>
        <translation>Aucun jeton Fly.io : FLY_API_TOKEN n'est pas défini et flyctl n'est pas connecté</translation>
    </message>
    <message>
        <source>Run `fly auth login`, or set FLY_API_TOKEN to a token from `fly tokens create`</source>
        <translation>Exécutez `fly auth login`, ou définissez FLY_API_TOKEN avec un jeton issu de `fly tokens create`</translation>
    </message>
    <message>
        <source>Fly.io</source>
        <translation>Fly.io</translation>
    </message>
    <message>
        <source>Fly.io (%1)</source>
        <translation>Fly.io (%1)</translation>
    </message>
    <message>
        <source>%1 is a Fly.io app, not a Kubernetes cluster</source>
        <translation>%1 est une application Fly.io, pas un cluster Kubernetes</translation>
    </message>
</context>
<context>
    <name>Orrery::FlyAppActions</name>
    <message>
        <source>Deploy %1's image</source>
        <translation>Déployer l'image de %1</translation>
    </message>
    <message>
        <source>Deploy %1's image (%2)</source>
        <translation>Déployer l'image de %1 (%2)</translation>
    </message>
    <message>
        <source>Scale %1</source>
        <translation>Mettre %1 à l'échelle</translation>
    </message>
    <message>
        <source>Machines in process group %1 of %2:</source>
        <translation>Machines du groupe de processus %1 de %2 :</translation>
    </message>
</context>
<context>
    <name>Orrery::FlyClient</name>
    <message>
        <source>Fly.io rejected the token: run `fly auth login`, or set FLY_API_TOKEN to a token from `fly tokens create`</source>
        <translation>Fly.io a rejeté le jeton : exécutez `fly auth login`, ou définissez FLY_API_TOKEN avec un jeton issu de `fly tokens create`</translation>
    </message>
</context>
<context>
    <name>Orrery::FlyOperation</name>
    <message>
        <source>Restart machine %1</source>
        <translation>Redémarrer la machine %1</translation>
    </message>
    <message>
        <source>Stop machine %1</source>
        <translation>Arrêter la machine %1</translation>
    </message>
    <message>
        <source>Start machine %1</source>
        <translation>Démarrer la machine %1</translation>
    </message>
    <message numerus="yes">
        <source>Scale %1 of %2 to %n machine(s)</source>
        <translation>
            <numerusform>Redimensionner %1 de %2 à %n machine</numerusform><numerusform>Redimensionner %1 de %2 à %n machines</numerusform></translation>
    </message>
    <message>
        <source>Deploy release v%1's image to %2</source>
        <translation>Déployer l'image de la release v%1 sur %2</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Redémarrer</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Mettre à l'échelle</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>Déployer</translation>
    </message>
    <message>
        <source>Cannot restart the machine</source>
        <translation>Impossible de redémarrer la machine</translation>
    </message>
    <message>
        <source>Cannot stop the machine</source>
        <translation>Impossible d'arrêter la machine</translation>
    </message>
    <message>
        <source>Cannot start the machine</source>
        <translation>Impossible de démarrer la machine</translation>
    </message>
    <message>
        <source>Cannot scale %1</source>
        <translation>Impossible de redimensionner %1</translation>
    </message>
    <message>
        <source>Cannot deploy to %1</source>
        <translation>Impossible de déployer sur %1</translation>
    </message>
    <message>
        <source>the Fly.io account is gone</source>
        <translation>le compte Fly.io n'existe plus</translation>
    </message>
    <message>
        <source>%1 has no machine %2</source>
        <translation>%1 n'a pas de machine %2</translation>
    </message>
    <message>
        <source>machine %1 is already stopped</source>
        <translation>la machine %1 est déjà arrêtée</translation>
    </message>
    <message>
        <source>machine %1 is already started</source>
        <translation>la machine %1 est déjà démarrée</translation>
    </message>
    <message numerus="yes">
        <source>%1 already has %n machine(s)</source>
        <translation>
            <numerusform>%1 a déjà %n machine</numerusform><numerusform>%1 a déjà %n machines</numerusform></translation>
    </message>
    <message>
        <source>every machine of %1 already runs %2</source>
        <translation>toutes les machines de %1 exécutent déjà %2</translation>
    </message>
    <message>
        <source>Machine %1 is %2: only a started machine can be restarted; start it instead.</source>
        <translation>La machine %1 est à l'état %2 : seule une machine démarrée peut être redémarrée ; démarrez-la plutôt.</translation>
    </message>
    <message>
        <source>Restart machine %1 of %2</source>
        <translation>Redémarrer la machine %1 de %2</translation>
    </message>
    <message>
        <source>Stop machine %1 of %2</source>
        <translation>Arrêter la machine %1 de %2</translation>
    </message>
    <message>
        <source>Start machine %1 of %2</source>
        <translation>Démarrer la machine %1 de %2</translation>
    </message>
    <message>
        <source>A process group can have between 0 and %1 machines here.</source>
        <translation>Un groupe de processus peut compter ici entre 0 et %1 machines.</translation>
    </message>
    <message>
        <source>%1 has no machine in group %2 to copy: deploy it with flyctl first.</source>
        <translation>%1 n'a aucune machine à copier dans le groupe %2 : déployez d'abord l'application avec flyctl.</translation>
    </message>
    <message>
        <source>Create a machine of %1 in %2 running %3</source>
        <translation>Créer une machine de %1 dans %2 exécutant %3</translation>
    </message>
    <message>
        <source>Destroy machine %1 of %2</source>
        <translation>Détruire la machine %1 de %2</translation>
    </message>
    <message>
        <source>%1 has no release v%2 (Fly.io lists the last %3 releases)</source>
        <translation>%1 n'a pas de release v%2 (Fly.io liste les %3 dernières releases)</translation>
    </message>
    <message>
        <source>Release v%1 of %2 has no image to deploy.</source>
        <translation>La release v%1 de %2 n'a aucune image à déployer.</translation>
    </message>
    <message>
        <source>Update machine %1 of %2 from %3 to %4 (v%5)</source>
        <translation>Mettre à jour la machine %1 de %2 de %3 vers %4 (v%5)</translation>
    </message>
    <message>
        <source>Unknown Fly.io action</source>
        <translation>Action Fly.io inconnue</translation>
    </message>
    <message>
        <source>Running now: v%1; deploying v%2 (%3, %4).</source>
        <translation>En cours d'exécution : v%1 ; déploiement de v%2 (%3, %4).</translation>
    </message>
    <message>
        <source>Fly.io has no rollback: the machines get v%1's image again; no new release is recorded.</source>
        <translation>Fly.io ne permet pas de retour arrière : les machines reçoivent de nouveau l'image de v%1 ; aucune nouvelle release n'est enregistrée.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n machine(s) now.</source>
        <translation>
            <numerusform>%1 a maintenant %n machine.</numerusform><numerusform>%1 a maintenant %n machines.</numerusform></translation>
    </message>
    <message>
        <source>Fly.io has no dry run; nothing was sent. The machines and releases were read just now.</source>
        <translation>Fly.io ne propose pas de simulation ; rien n'a été envoyé. Les machines et les releases viennent d'être lues.</translation>
    </message>
    <message>
        <source>Stopped the machine. Start it again?</source>
        <translation>Machine arrêtée. La démarrer à nouveau ?</translation>
    </message>
    <message>
        <source>Started the machine. Stop it again?</source>
        <translation>Machine démarrée. L'arrêter à nouveau ?</translation>
    </message>
    <message numerus="yes">
        <source>Scaled %1. Back to %n machine(s)?</source>
        <translation>
            <numerusform>%1 redimensionné. Revenir à %n machine ?</numerusform><numerusform>%1 redimensionné. Revenir à %n machines ?</numerusform></translation>
    </message>
    <message>
        <source>Deployed v%1's image. Deploy v%2 again?</source>
        <translation>Image de v%1 déployée. Redéployer v%2 ?</translation>
    </message>
    <message>
        <source>Fly.io could not be reached: %1</source>
        <translation>Impossible de joindre Fly.io : %1</translation>
    </message>
    <message>
        <source>Fly.io refused %1: another change holds the machine's lease (a deploy or another operator). It said: %2</source>
        <translation>Fly.io a refusé %1 : une autre modification détient le bail de la machine (un déploiement ou un autre opérateur). Réponse : %2</translation>
    </message>
    <message>
        <source>Fly.io rejected the token (HTTP 401): %1</source>
        <translation>Fly.io a rejeté le jeton (HTTP 401) : %1</translation>
    </message>
    <message>
        <source>Fly.io refused %1 (HTTP %2): %3</source>
        <translation>Fly.io a refusé %1 (HTTP %2) : %3</translation>
    </message>
</context>
<context>
    <name>Orrery::FlyResponse</name>
    <message>
        <source>Fly.io's answer is not %1</source>
        <translation>La réponse de Fly.io n'est pas %1</translation>
    </message>
    <message>
        <source>a GraphQL answer</source>
        <translation>une réponse GraphQL</translation>
    </message>
    <message>
        <source>Fly.io's GraphQL API answered with an error</source>
        <translation>L'API GraphQL de Fly.io a répondu par une erreur</translation>
    </message>
    <message>
        <source>a list of apps</source>
        <translation>une liste d'applications</translation>
    </message>
    <message>
        <source>an app</source>
        <translation>une application</translation>
    </message>
    <message>
        <source>a list of machines</source>
        <translation>une liste de machines</translation>
    </message>
    <message>
        <source>a machine</source>
        <translation>une machine</translation>
    </message>
    <message>
        <source>Fly.io has no such app</source>
        <translation>Fly.io ne connaît pas cette application</translation>
    </message>
</context>
<context>
    <name>Orrery::Freshness</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform><numerusform>%n s</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform><numerusform>%n min</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform><numerusform>%n h</numerusform></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Live · last update %1 ago</source>
        <translation>En direct · dernière mise à jour il y a %1</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En direct</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconnexion…</translation>
    </message>
    <message>
        <source>Reconnecting: %1</source>
        <translation>Reconnexion : %1</translation>
    </message>
    <message>
        <source>STALE · data is %1 old</source>
        <translation>OBSOLÈTE · données vieilles de %1</translation>
    </message>
    <message>
        <source>STALE</source>
        <translation>OBSOLÈTE</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
    <message numerus="yes">
        <source>The watches look open but nothing arrived for over %n minute(s); the connection is probably dead. Orrery reconnects by itself; Ctrl+R reconnects now.</source>
        <translation>
            <numerusform>Les surveillances (watches) semblent ouvertes mais rien n'est arrivé depuis plus de %n minute(s) ; la connexion est probablement morte. Orrery se reconnecte de lui-même ; Ctrl+R reconnecte immédiatement.</numerusform><numerusform>Les surveillances (watches) semblent ouvertes mais rien n'est arrivé depuis plus de %n minute(s) ; la connexion est probablement morte. Orrery se reconnecte de lui-même ; Ctrl+R reconnecte immédiatement.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>⚠ These %1 may be out of date: no update for %n s.</source>
        <translation>
            <numerusform>⚠ Ces %1 ne sont peut-être plus à jour : aucune mise à jour depuis %n s.</numerusform><numerusform>⚠ Ces %1 ne sont peut-être plus à jour : aucune mise à jour depuis %n s.</numerusform></translation>
    </message>
    <message>
        <source>⚠ These %1 may be out of date.</source>
        <translation>⚠ Ces %1 ne sont peut-être plus à jour.</translation>
    </message>
</context>
<context>
    <name>Orrery::GcpAccount</name>
    <message>
        <source>Google Cloud (gcloud)</source>
        <translation>Google Cloud (gcloud)</translation>
    </message>
    <message>
        <source>an access token</source>
        <translation>un jeton d'accès</translation>
    </message>
    <message>
        <source>%1 is not a GKE cluster</source>
        <translation>%1 n'est pas un cluster GKE</translation>
    </message>
    <message>
        <source>GKE cluster %1 has no endpoint yet (is it still provisioning?)</source>
        <translation>Le cluster GKE %1 n'a pas encore de point de terminaison (est-il encore en cours de provisionnement ?)</translation>
    </message>
    <message>
        <source>GKE gave no CA certificate for %1: TLS verification is disabled for it</source>
        <translation>GKE n'a fourni aucun certificat CA pour %1 : la vérification TLS est désactivée pour ce cluster</translation>
    </message>
</context>
<context>
    <name>Orrery::GcpClient</name>
    <message>
        <source>the projects of %1</source>
        <translation>les projets de %1</translation>
    </message>
    <message>
        <source>GKE clusters of project %1</source>
        <translation>clusters GKE du projet %1</translation>
    </message>
    <message>
        <source>GKE cluster %1 in %2</source>
        <translation>Cluster GKE %1 dans %2</translation>
    </message>
</context>
<context>
    <name>Orrery::GcpJwt</name>
    <message>
        <source>The service account key's private_key is not an RSA key in PEM form.</source>
        <translation>Le champ private_key de la clé de compte de service n'est pas une clé RSA au format PEM.</translation>
    </message>
    <message>
        <source>OpenSSL could not sign the JWT.</source>
        <translation>OpenSSL n'a pas pu signer le JWT.</translation>
    </message>
</context>
<context>
    <name>Orrery::GcpResponse</name>
    <message>
        <source>The GKE cluster list</source>
        <translation>La liste des clusters GKE</translation>
    </message>
    <message>
        <source>The GKE cluster list holds more than %1 clusters.</source>
        <translation>La liste des clusters GKE contient plus de %1 clusters.</translation>
    </message>
    <message>
        <source>The GKE cluster</source>
        <translation>Le cluster GKE</translation>
    </message>
    <message>
        <source>The GKE cluster has no name.</source>
        <translation>Le cluster GKE n'a pas de nom.</translation>
    </message>
    <message>
        <source>The project list</source>
        <translation>La liste des projets</translation>
    </message>
    <message>
        <source>The project list holds more than %1 projects.</source>
        <translation>La liste des projets contient plus de %1 projets.</translation>
    </message>
    <message>
        <source>The token endpoint's answer</source>
        <translation>La réponse du point de terminaison de jeton</translation>
    </message>
    <message>
        <source>The token endpoint's answer has no usable access_token.</source>
        <translation>La réponse du point de terminaison de jeton ne contient aucun access_token utilisable.</translation>
    </message>
    <message>
        <source>The token endpoint gave a %1 token, not a Bearer token.</source>
        <translation>Le point de terminaison de jeton a fourni un jeton %1, et non un jeton Bearer.</translation>
    </message>
    <message>
        <source>gcloud config config-helper's output</source>
        <translation>la sortie de gcloud config config-helper</translation>
    </message>
    <message>
        <source>gcloud printed no access token.</source>
        <translation>gcloud n'a affiché aucun jeton d'accès.</translation>
    </message>
    <message>
        <source>The service account key file</source>
        <translation>Le fichier de clé du compte de service</translation>
    </message>
    <message>
        <source>The key file is not a service account key (it has no type).</source>
        <translation>Le fichier de clé n'est pas une clé de compte de service (il n'a pas de type).</translation>
    </message>
    <message>
        <source>The key file is a %1 credential, not a service account key.</source>
        <translation>Le fichier de clé contient des identifiants %1, et non une clé de compte de service.</translation>
    </message>
    <message>
        <source>create a JSON key with gcloud iam service-accounts keys create</source>
        <translation>créez une clé JSON avec gcloud iam service-accounts keys create</translation>
    </message>
    <message>
        <source>The service account key has no client_email or private_key.</source>
        <translation>La clé de compte de service n'a pas de client_email ou de private_key.</translation>
    </message>
    <message>
        <source>log in again with gcloud auth login, or check the service account key</source>
        <translation>reconnectez-vous avec gcloud auth login ou vérifiez la clé de compte de service</translation>
    </message>
    <message>
        <source>ask for the Kubernetes Engine Cluster Viewer role (roles/container.clusterViewer) on the project</source>
        <translation>demandez le rôle Kubernetes Engine Cluster Viewer (roles/container.clusterViewer) sur le projet</translation>
    </message>
</context>
<context>
    <name>Orrery::GcpTokenSource</name>
    <message>
        <source>Cannot read the service account key file.</source>
        <translation>Impossible de lire le fichier de clé du compte de service.</translation>
    </message>
    <message>
        <source>service account key %1</source>
        <translation>clé de compte de service %1</translation>
    </message>
    <message>
        <source>gcloud login</source>
        <translation>connexion gcloud</translation>
    </message>
    <message>
        <source>gcloud login (configuration %1)</source>
        <translation>connexion gcloud (configuration %1)</translation>
    </message>
    <message>
        <source>gcloud is not installed (not found on PATH).</source>
        <translation>gcloud n'est pas installé (introuvable dans le PATH).</translation>
    </message>
    <message>
        <source>install the Google Cloud CLI, or use a service account key</source>
        <translation>installez Google Cloud CLI ou utilisez une clé de compte de service</translation>
    </message>
    <message>
        <source>gcloud config config-helper</source>
        <translation>gcloud config config-helper</translation>
    </message>
    <message>
        <source>gcloud could not start: %1</source>
        <translation>gcloud n'a pas pu démarrer : %1</translation>
    </message>
    <message>
        <source>gcloud did not answer in %1 s.</source>
        <translation>gcloud n'a pas répondu en %1 s.</translation>
    </message>
    <message>
        <source>gcloud failed (exit code %1).</source>
        <translation>gcloud a échoué (code de sortie %1).</translation>
    </message>
    <message>
        <source>run gcloud auth login</source>
        <translation>exécutez gcloud auth login</translation>
    </message>
    <message>
        <source>gcloud printed more than 1 MiB.</source>
        <translation>gcloud a affiché plus de 1 Mio.</translation>
    </message>
    <message>
        <source>token endpoint %1</source>
        <translation>point de terminaison de jeton %1</translation>
    </message>
    <message>
        <source>The token endpoint did not answer.</source>
        <translation>Le point de terminaison de jeton n'a pas répondu.</translation>
    </message>
    <message>
        <source>the key %1 of %2 may have been deleted or disabled; create a new key</source>
        <translation>la clé %1 de %2 a peut-être été supprimée ou désactivée ; créez une nouvelle clé</translation>
    </message>
</context>
<context>
    <name>Orrery::GitHubClient</name>
    <message>
        <source>give the workflow to run by its file name (deploy.yml) or id</source>
        <translation>indiquez le workflow à exécuter par son nom de fichier (deploy.yml) ou son identifiant</translation>
    </message>
    <message>
        <source>the run waits at no deployment you may review</source>
        <translation>l'exécution n'attend aucun déploiement que vous pouvez examiner</translation>
    </message>
    <message>
        <source>job %1 waits at no pending deployment of this run</source>
        <translation>la tâche %1 n'attend aucun déploiement en attente de cette exécution</translation>
    </message>
</context>
<context>
    <name>Orrery::GitHubCredentials</name>
    <message>
        <source>this is not a GitHub token (one line without spaces)</source>
        <translation>ceci n'est pas un jeton GitHub (une ligne sans espaces)</translation>
    </message>
    <message>
        <source>GH_TOKEN and GITHUB_TOKEN are not set</source>
        <translation>GH_TOKEN et GITHUB_TOKEN ne sont pas définis</translation>
    </message>
    <message>
        <source>GH_ENTERPRISE_TOKEN is not set</source>
        <translation>GH_ENTERPRISE_TOKEN n'est pas défini</translation>
    </message>
    <message>
        <source>gh is not installed</source>
        <translation>gh n'est pas installé</translation>
    </message>
    <message>
        <source>"gh auth token" did not answer within %1 s</source>
        <translation>« gh auth token » n'a pas répondu dans les %1 s</translation>
    </message>
    <message>
        <source>"gh auth token --hostname %1" failed: %2</source>
        <translation>« gh auth token --hostname %1 » a échoué : %2</translation>
    </message>
    <message>
        <source>gh could not run: %1</source>
        <translation>gh n'a pas pu s'exécuter : %1</translation>
    </message>
    <message>
        <source>no token for %1 in %2</source>
        <translation>aucun jeton pour %1 dans %2</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 n'a pas pu être lu : %2</translation>
    </message>
    <message>
        <source>no GitHub token for %1 (%2)</source>
        <translation>aucun jeton GitHub pour %1 (%2)</translation>
    </message>
    <message>
        <source>set GH_TOKEN, run "gh auth login", or enter a token</source>
        <translation>définissez GH_TOKEN, exécutez « gh auth login » ou saisissez un jeton</translation>
    </message>
    <message>
        <source>set GH_ENTERPRISE_TOKEN, run "gh auth login --hostname %1", or enter a token</source>
        <translation>définissez GH_ENTERPRISE_TOKEN, exécutez « gh auth login --hostname %1 » ou saisissez un jeton</translation>
    </message>
</context>
<context>
    <name>Orrery::GitHubResponse</name>
    <message>
        <source>the workflow run has no id</source>
        <translation>l'exécution du workflow n'a pas d'identifiant</translation>
    </message>
    <message>
        <source>the answer is not a list of pending deployments</source>
        <translation>la réponse n'est pas une liste de déploiements en attente</translation>
    </message>
    <message>
        <source>the repository has no default branch</source>
        <translation>le dépôt n'a pas de branche par défaut</translation>
    </message>
    <message>
        <source>the file is not served inline (encoding "%1")</source>
        <translation>le fichier n'est pas fourni en ligne (encodage « %1 »)</translation>
    </message>
    <message>
        <source>the workflow file is larger than %1</source>
        <translation>le fichier de workflow dépasse %1</translation>
    </message>
    <message>
        <source>the workflow file has no jobs</source>
        <translation>le fichier de workflow ne contient aucune tâche</translation>
    </message>
    <message>
        <source>GitHub's rate limit was hit; it asks to wait %1 s before the next request</source>
        <translation>la limite de débit de GitHub a été atteinte ; il demande d'attendre %1 s avant la prochaine requête</translation>
    </message>
    <message>
        <source>GitHub's API rate limit of %1 requests an hour is used up; it resets at %2 UTC</source>
        <translation>la limite de débit de l'API GitHub de %1 requêtes par heure est épuisée ; elle sera réinitialisée à %2 UTC</translation>
    </message>
    <message>
        <source>GitHub's API rate limit of %1 requests an hour is used up</source>
        <translation>la limite de débit de l'API GitHub de %1 requêtes par heure est épuisée</translation>
    </message>
    <message>
        <source>GitHub answered HTTP %1</source>
        <translation>GitHub a répondu HTTP %1</translation>
    </message>
    <message>
        <source>the GitHub token was refused: set GH_TOKEN (GH_ENTERPRISE_TOKEN for GitHub Enterprise Server), run "gh auth login", or enter a token</source>
        <translation>le jeton GitHub a été refusé : définissez GH_TOKEN (GH_ENTERPRISE_TOKEN pour GitHub Enterprise Server), exécutez « gh auth login » ou saisissez un jeton</translation>
    </message>
    <message>
        <source>GitHub answers 404 for a private repository the token cannot read</source>
        <translation>GitHub répond 404 pour un dépôt privé que le jeton ne peut pas lire</translation>
    </message>
</context>
<context>
    <name>Orrery::GitLabClient</name>
    <message>
        <source>the project has no default branch: give a ref</source>
        <translation>le projet n'a pas de branche par défaut : indiquez une référence</translation>
    </message>
    <message>
        <source>GitLab cannot reject a manual job: leave it unplayed, or cancel the pipeline</source>
        <translation>GitLab ne peut pas rejeter une tâche manuelle : laissez-la non lancée ou annulez le pipeline</translation>
    </message>
</context>
<context>
    <name>Orrery::GitLabResponse</name>
    <message>
        <source>a GitLab pipeline</source>
        <translation>un pipeline GitLab</translation>
    </message>
    <message>
        <source>the CI configuration is larger than %1</source>
        <translation>la configuration CI dépasse %1</translation>
    </message>
    <message>
        <source>a GitLab project</source>
        <translation>un projet GitLab</translation>
    </message>
</context>
<context>
    <name>Orrery::HelmCodec</name>
    <message>
        <source>Could not initialise zlib.</source>
        <translation>Impossible d'initialiser zlib.</translation>
    </message>
    <message>
        <source>The release data is not valid gzip.</source>
        <translation>Les données de la release ne sont pas au format gzip valide.</translation>
    </message>
    <message>
        <source>The release data is truncated.</source>
        <translation>Les données de la release sont tronquées.</translation>
    </message>
    <message>
        <source>The release data is not valid base64.</source>
        <translation>Les données de la release ne sont pas en base64 valide.</translation>
    </message>
    <message>
        <source>The release data is not a JSON release.</source>
        <translation>Les données de la release ne sont pas une release JSON.</translation>
    </message>
    <message>
        <source>The Secret holds no release.</source>
        <translation>Le Secret ne contient aucune release.</translation>
    </message>
    <message>
        <source>The Secret's data is not valid base64.</source>
        <translation>Les données du Secret ne sont pas en base64 valide.</translation>
    </message>
    <message>
        <source>The release data decompresses to more than %1 (maxDecompressedBytes).</source>
        <translation>Les données de la release dépassent %1 une fois décompressées (maxDecompressedBytes).</translation>
    </message>
    <message>
        <source>The release has no valid revision number ("version").</source>
        <translation>La release n'a pas de numéro de révision valide (« version »).</translation>
    </message>
</context>
<context>
    <name>Orrery::HelmPage</name>
    <message>
        <source>Helm releases</source>
        <translation>Releases Helm</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Roll back to revision…</source>
        <translation>Revenir à la révision…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Chart</translation>
    </message>
    <message>
        <source>Chart version</source>
        <translation>Version du chart</translation>
    </message>
    <message>
        <source>App version</source>
        <translation>Version de l'application</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Révision</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mise à jour</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>Manifeste</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Valeurs</translation>
    </message>
    <message>
        <source>From revision</source>
        <translation>De la révision</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>Différences</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Select a release and the revision to go back to.</source>
        <translation>Sélectionnez une release et la révision à laquelle revenir.</translation>
    </message>
    <message>
        <source>No cluster connected.</source>
        <translation>Aucun cluster connecté.</translation>
    </message>
    <message>
        <source>Reading the release Secrets of %1…</source>
        <translation>Lecture des Secrets de release de %1…</translation>
    </message>
    <message>
        <source>You may not read Secrets here, and Helm keeps its releases in Secrets: %1</source>
        <translation>Vous n'avez pas le droit de lire les Secrets ici, or Helm conserve ses releases dans des Secrets : %1</translation>
    </message>
    <message>
        <source>Cannot read the releases: %1</source>
        <translation>Impossible de lire les releases : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n release(s) in %1</source>
        <translation>
            <numerusform>%n release(s) dans %1</numerusform><numerusform>%n release(s) dans %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n revision(s) could not be decoded: %1</source>
        <translation>
            <numerusform>Impossible de décoder %n révision(s) : %1</numerusform><numerusform>Impossible de décoder %n révision(s) : %1</numerusform></translation>
    </message>
    <message>
        <source>Roll back to revision %1…</source>
        <translation>Revenir à la révision %1…</translation>
    </message>
    <message>
        <source>Revision %1 is the current one.</source>
        <translation>La révision %1 est la révision actuelle.</translation>
    </message>
    <message>
        <source>Roll %1 back to revision %2 (as helm rollback)</source>
        <translation>Ramener %1 à la révision %2 (comme helm rollback)</translation>
    </message>
    <message>
        <source>Revisions %1 and %2 do not differ.</source>
        <translation>Les révisions %1 et %2 sont identiques.</translation>
    </message>
    <message>
        <source>Checking permission…</source>
        <translation>Vérification de la permission…</translation>
    </message>
    <message>
        <source>Reveal value</source>
        <translation>Révéler la valeur</translation>
    </message>
    <message>
        <source>Secret values are hidden. Select a key and reveal it; revealed values are kept only while this revision is shown.</source>
        <translation>Les valeurs des Secrets sont masquées. Sélectionnez une clé et révélez-la ; les valeurs révélées ne sont conservées que tant que cette révision est affichée.</translation>
    </message>
    <message>
        <source>Hide all</source>
        <translation>Tout masquer</translation>
    </message>
    <message>
        <source>&lt;no value&gt;</source>
        <translation>&lt;aucune valeur&gt;</translation>
    </message>
</context>
<context>
    <name>Orrery::HelmReleaseRollback</name>
    <message>
        <source>You may not read Secrets in namespace %1, and Helm keeps its releases in Secrets. Ask a cluster administrator for this RBAC permission, or use a context with more rights.</source>
        <translation>Vous ne pouvez pas lire les Secrets du namespace %1, or Helm conserve ses releases dans des Secrets. Demandez cette permission RBAC à un administrateur du cluster, ou utilisez un contexte qui a plus de droits.</translation>
    </message>
    <message>
        <source>Roll back %1</source>
        <translation>Revenir en arrière sur %1</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Revenir en arrière</translation>
    </message>
    <message>
        <source>Cannot roll back the release</source>
        <translation>Impossible de revenir en arrière sur la release</translation>
    </message>
    <message>
        <source>Helm keeps every revision of a release in a Secret of its namespace.</source>
        <translation>Helm conserve chaque révision d’une release dans un Secret de son namespace.</translation>
    </message>
    <message>
        <source>A rollback writes every object of the target revision's manifest.</source>
        <translation>Un retour arrière écrit chaque objet du manifeste de la révision cible.</translation>
    </message>
    <message>
        <source>Roll back Helm release %1 from revision %2 to %3 (new revision %4).</source>
        <translation>Ramener la release Helm %1 de la révision %2 à la révision %3 (nouvelle révision %4).</translation>
    </message>
    <message>
        <source>The server first checks the target manifest (dry run): if it refuses, nothing is written.</source>
        <translation>Le serveur vérifie d’abord le manifeste cible (dry run) : s’il le refuse, rien n’est écrit.</translation>
    </message>
    <message numerus="yes">
        <source>the server validated %n object(s) of the target manifest without storing anything.</source>
        <translation>
            <numerusform>le serveur a validé %n objet(s) du manifeste cible sans rien enregistrer.</numerusform><numerusform>le serveur a validé %n objet(s) du manifeste cible sans rien enregistrer.</numerusform></translation>
    </message>
    <message>
        <source>Helm rollback of %1</source>
        <translation>Retour arrière Helm de %1</translation>
    </message>
</context>
<context>
    <name>Orrery::HelmReleases</name>
    <message>
        <source>release: not found</source>
        <translation>release : introuvable</translation>
    </message>
    <message>
        <source>The server sent an invalid Secret list.</source>
        <translation>Le serveur a envoyé une liste de Secrets invalide.</translation>
    </message>
</context>
<context>
    <name>Orrery::HelmRollback</name>
    <message>
        <source>Record revision %1 of Helm release %2 as %3</source>
        <translation>Enregistrer la révision %1 de la release Helm %2 comme %3</translation>
    </message>
    <message>
        <source>invalid release revision</source>
        <translation>révision de release invalide</translation>
    </message>
    <message>
        <source>release: not found</source>
        <translation>release : introuvable</translation>
    </message>
    <message>
        <source>release has no %1 version</source>
        <translation>la release n'a pas de version %1</translation>
    </message>
    <message>
        <source>Delete %1 %2 (not in revision %3), unless it is annotated helm.sh/resource-policy: keep</source>
        <translation>Supprimer %1 %2 (absent de la révision %3), sauf s'il est annoté helm.sh/resource-policy: keep</translation>
    </message>
</context>
<context>
    <name>Orrery::HelmRollbackOperation</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Rollback "%1" failed: %2</source>
        <translation>Échec du retour arrière « %1 » : %2</translation>
    </message>
    <message>
        <source>Rollback was a success! Happy Helming!</source>
        <translation>Retour arrière réussi ! Happy Helming!</translation>
    </message>
    <message>
        <source>Rollback "%1" failed: %2 (refused by the server's dry run: nothing was written, the release is unchanged)</source>
        <translation>Le retour arrière de « %1 » a échoué : %2 (refusé par le dry run du serveur : rien n’a été écrit, la release est inchangée)</translation>
    </message>
    <message>
        <source>%1 %2 is already gone</source>
        <translation>%1 %2 n'existe déjà plus</translation>
    </message>
    <message>
        <source>Not deleted: %1 %2 could not be read to check its resource policy (%3)</source>
        <translation>Non supprimé : %1 %2 n'a pas pu être lu pour vérifier sa politique de ressource (%3)</translation>
    </message>
    <message>
        <source>Kept %1 %2 (annotated %3: %4)</source>
        <translation>%1 %2 conservé (annoté %3: %4)</translation>
    </message>
    <message>
        <source>no way to read the cluster was given</source>
        <translation>aucun moyen de lire le cluster n'a été fourni</translation>
    </message>
    <message>
        <source>Kept (annotated %1: %2): %3.</source>
        <translation>Conservés (annotés %1: %2) : %3.</translation>
    </message>
</context>
<context>
    <name>Orrery::HpaBoundsOperation</name>
    <message>
        <source>Change autoscaler bounds</source>
        <translation>Modifier les limites de l'autoscaler</translation>
    </message>
    <message>
        <source>Change bounds</source>
        <translation>Modifier les limites</translation>
    </message>
</context>
<context>
    <name>Orrery::HpaExplainedChart</name>
    <message>
        <source>replicas</source>
        <translation>répliques</translation>
    </message>
    <message>
        <source>%1 (current)</source>
        <translation>%1 (actuelle)</translation>
    </message>
    <message>
        <source>%1 target</source>
        <translation>%1 (cible)</translation>
    </message>
    <message>
        <source>current replicas</source>
        <translation>répliques actuelles</translation>
    </message>
    <message>
        <source>desired replicas</source>
        <translation>répliques souhaitées</translation>
    </message>
</context>
<context>
    <name>Orrery::Internal::PortForwardRelay</name>
    <message>
        <source>cannot listen on 127.0.0.1:%1: %2</source>
        <translation>impossible d'écouter sur 127.0.0.1:%1 : %2</translation>
    </message>
</context>
<context>
    <name>Orrery::JenkinsClient</name>
    <message>
        <source>"%1" is a folder or multibranch project, not a Pipeline job: name one of its jobs (%2)</source>
        <translation>« %1 » est un dossier ou un projet multibranche, pas une tâche Pipeline : indiquez l'une de ses tâches (%2)</translation>
    </message>
    <message>
        <source>Jenkins re-runs whole builds, not only the failed stages: re-run all</source>
        <translation>Jenkins relance des builds entiers, pas seulement les étapes en échec : relancez tout</translation>
    </message>
    <message>
        <source>no input step is waiting in this build</source>
        <translation>aucune étape input n'est en attente dans ce build</translation>
    </message>
    <message>
        <source>several input steps wait (%1): name one</source>
        <translation>plusieurs étapes input sont en attente (%1) : indiquez-en une</translation>
    </message>
</context>
<context>
    <name>Orrery::JenkinsResponse</name>
    <message>
        <source>a Jenkins job</source>
        <translation>une tâche Jenkins</translation>
    </message>
    <message>
        <source>a Jenkins build</source>
        <translation>un build Jenkins</translation>
    </message>
    <message>
        <source>a Stage View description</source>
        <translation>une description Stage View</translation>
    </message>
    <message>
        <source>a list of Blue Ocean nodes</source>
        <translation>une liste de nœuds Blue Ocean</translation>
    </message>
    <message>
        <source>a list of pending inputs</source>
        <translation>une liste d'inputs en attente</translation>
    </message>
    <message>
        <source>a Jenkins crumb</source>
        <translation>un crumb Jenkins</translation>
    </message>
    <message>
        <source>a Jenkins queue item</source>
        <translation>un élément de file d'attente Jenkins</translation>
    </message>
    <message>
        <source>the queued build was cancelled</source>
        <translation>le build en file d'attente a été annulé</translation>
    </message>
</context>
<context>
    <name>Orrery::KeychainSecretStore</name>
    <message>
        <source>the system keyring</source>
        <translation>le trousseau système</translation>
    </message>
</context>
<context>
    <name>Orrery::KindJump</name>
    <message>
        <source>:kind or :page, e.g. :po :deploy :svc :topology :problems</source>
        <translation>:type ou :page, p. ex. :po :deploy :svc :topology :problems</translation>
    </message>
    <message>
        <source>No kind or page is called “%1”. Try :po, :deploy, :svc, :topology or :problems.</source>
        <translation>Aucun type ni aucune page ne s'appelle « %1 ». Essayez :po, :deploy, :svc, :topology ou :problems.</translation>
    </message>
</context>
<context>
    <name>Orrery::Kinds</name>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>Deployment</translation>
    </message>
    <message>
        <source>StatefulSet</source>
        <translation>StatefulSet</translation>
    </message>
    <message>
        <source>DaemonSet</source>
        <translation>DaemonSet</translation>
    </message>
    <message>
        <source>ReplicaSet</source>
        <translation>ReplicaSet</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>CronJob</source>
        <translation>CronJob</translation>
    </message>
    <message>
        <source>HorizontalPodAutoscaler</source>
        <translation>HorizontalPodAutoscaler</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Ingress</source>
        <translation>Ingress</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpoints</translation>
    </message>
    <message>
        <source>ConfigMap</source>
        <translation>ConfigMap</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>PersistentVolumeClaim</source>
        <translation>PersistentVolumeClaim</translation>
    </message>
    <message>
        <source>PersistentVolume</source>
        <translation>PersistentVolume</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Node</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>ControllerRevision</source>
        <translation>ControllerRevision</translation>
    </message>
    <message numerus="yes">
        <source>%Ln pod(s)</source>
        <translation>
            <numerusform>%Ln pod</numerusform><numerusform>%Ln pods</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln deployment(s)</source>
        <translation>
            <numerusform>%Ln deployment</numerusform><numerusform>%Ln deployments</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln statefulset(s)</source>
        <translation>
            <numerusform>%Ln statefulset</numerusform><numerusform>%Ln statefulsets</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln daemonset(s)</source>
        <translation>
            <numerusform>%Ln daemonset</numerusform><numerusform>%Ln daemonsets</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln replicaset(s)</source>
        <translation>
            <numerusform>%Ln replicaset</numerusform><numerusform>%Ln replicasets</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln job(s)</source>
        <translation>
            <numerusform>%Ln job</numerusform><numerusform>%Ln jobs</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln cronjob(s)</source>
        <translation>
            <numerusform>%Ln cronjob</numerusform><numerusform>%Ln cronjobs</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln autoscaler(s) (HPA)</source>
        <translation>
            <numerusform>%Ln autoscaler (HPA)</numerusform><numerusform>%Ln autoscalers (HPA)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln service(s)</source>
        <translation>
            <numerusform>%Ln service</numerusform><numerusform>%Ln services</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln ingress(es)</source>
        <translation>
            <numerusform>%Ln ingress</numerusform><numerusform>%Ln ingresses</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln endpoints</source>
        <translation>
            <numerusform>%Ln endpoints</numerusform><numerusform>%Ln endpoints</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln configmap(s)</source>
        <translation>
            <numerusform>%Ln configmap</numerusform><numerusform>%Ln configmaps</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln secret(s)</source>
        <translation>
            <numerusform>%Ln secret</numerusform><numerusform>%Ln secrets</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln persistent volume claim(s)</source>
        <translation>
            <numerusform>%Ln persistent volume claim</numerusform><numerusform>%Ln persistent volume claims</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln persistent volume(s)</source>
        <translation>
            <numerusform>%Ln persistent volume</numerusform><numerusform>%Ln persistent volumes</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln node(s)</source>
        <translation>
            <numerusform>%Ln nœud</numerusform><numerusform>%Ln nœuds</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln namespace(s)</source>
        <translation>
            <numerusform>%Ln namespace</numerusform><numerusform>%Ln namespaces</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln événement</numerusform><numerusform>%Ln événements</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln controller revision(s)</source>
        <translation>
            <numerusform>%Ln controller revision</numerusform><numerusform>%Ln controller revisions</numerusform></translation>
    </message>
</context>
<context>
    <name>Orrery::KubeconfigController</name>
    <message>
        <source>No kubeconfig found (looked at %1).</source>
        <translation>Aucun kubeconfig trouvé (emplacements examinés : %1).</translation>
    </message>
    <message>
        <source>The kubeconfig defines no contexts.</source>
        <translation>Le kubeconfig ne définit aucun contexte.</translation>
    </message>
    <message>
        <source>The kubeconfig could not be loaded; no context is usable:</source>
        <translation>Le kubeconfig n'a pas pu être chargé ; aucun contexte n'est utilisable :</translation>
    </message>
    <message>
        <source>The kubeconfig changed but cannot be read; the contexts keep their last good configuration until it is fixed.</source>
        <translation>Le kubeconfig a changé mais est illisible ; les contextes conservent leur dernière configuration valide jusqu'à sa correction.</translation>
    </message>
    <message>
        <source>The kubeconfig changed: its contexts are loaded.</source>
        <translation>Le kubeconfig a changé : ses contextes sont chargés.</translation>
    </message>
    <message>
        <source>the kubeconfig changed</source>
        <translation>le kubeconfig a changé</translation>
    </message>
    <message>
        <source>The kubeconfig changed; no connected context is affected.</source>
        <translation>Le kubeconfig a changé ; aucun contexte connecté n'est concerné.</translation>
    </message>
    <message>
        <source>The kubeconfig changed: reconnecting %1 with the new credentials.</source>
        <translation>Le kubeconfig a changé : reconnexion de %1 avec les nouveaux identifiants.</translation>
    </message>
</context>
<context>
    <name>Orrery::LocalMonitoringServers</name>
    <message>
        <source>no temporary directory</source>
        <translation>aucun répertoire temporaire</translation>
    </message>
    <message>
        <source>cannot write the configuration in %1</source>
        <translation>impossible d'écrire la configuration dans %1</translation>
    </message>
    <message>
        <source>%1 did not start: %2</source>
        <translation>%1 n'a pas démarré : %2</translation>
    </message>
    <message>
        <source>%1 exited (code %2): %3</source>
        <translation>%1 s'est arrêté (code %2) : %3</translation>
    </message>
    <message>
        <source>not ready after %1 s</source>
        <translation>pas prêt après %1 s</translation>
    </message>
</context>
<context>
    <name>Orrery::LogView</name>
    <message>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation>Horodatage</translation>
    </message>
    <message>
        <source>Wrap</source>
        <translation>Retour à la ligne</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Se reconnecter</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Conteneur</translation>
    </message>
    <message>
        <source>Show the logs of the previous (terminated) container instance</source>
        <translation>Afficher les journaux de l'instance précédente (terminée) du conteneur</translation>
    </message>
    <message>
        <source>Last 100 lines</source>
        <translation>100 dernières lignes</translation>
    </message>
    <message>
        <source>Last 500 lines</source>
        <translation>500 dernières lignes</translation>
    </message>
    <message>
        <source>Last 2000 lines</source>
        <translation>2000 dernières lignes</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Suivre</translation>
    </message>
    <message>
        <source>Keep scrolling to the newest line</source>
        <translation>Défiler automatiquement jusqu'à la ligne la plus récente</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <source>Stop showing new lines (they are kept and shown on resume)</source>
        <translation>Ne plus afficher les nouvelles lignes (elles sont conservées et affichées à la reprise)</translation>
    </message>
    <message>
        <source>Search logs…</source>
        <translation>Rechercher dans les journaux…</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Enregistrer…</translation>
    </message>
    <message>
        <source>Save the shown log to a file</source>
        <translation>Enregistrer le journal affiché dans un fichier</translation>
    </message>
    <message>
        <source>All containers</source>
        <translation>Tous les conteneurs</translation>
    </message>
    <message numerus="yes">
        <source>Paused · %n new line(s) waiting</source>
        <translation>
            <numerusform>En pause · %n nouvelle ligne en attente</numerusform><numerusform>En pause · %n nouvelles lignes en attente</numerusform></translation>
    </message>
    <message>
        <source>Log stream failed: %1</source>
        <translation>Échec du flux de journaux : %1</translation>
    </message>
    <message>
        <source>Log stream ended: %1</source>
        <translation>Flux de journaux terminé : %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n correspondance</numerusform><numerusform>%n correspondances</numerusform></translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation>Enregistrer le journal</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt);;All files (*)</source>
        <translation>Fichiers journaux (*.log *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d'écrire %1 : %2</translation>
    </message>
    <message>
        <source>Pop out</source>
        <translation>Détacher</translation>
    </message>
    <message>
        <source>Show the logs in their own window (closing it docks them back)</source>
        <translation>Afficher les journaux dans leur propre fenêtre (la fermer les remet à leur place)</translation>
    </message>
    <message>
        <source>Dock</source>
        <translation>Rattacher</translation>
    </message>
    <message>
        <source>Show the logs in the details pane again</source>
        <translation>Afficher de nouveau les journaux dans le panneau de détails</translation>
    </message>
</context>
<context>
    <name>Orrery::MainWindow</name>
    <message>
        <source>Orrery</source>
        <translation>Orrery</translation>
    </message>
    <message>
        <source>CLUSTERS</source>
        <translation>CLUSTERS</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Open Kubeconfig…</source>
        <translation>Ouvrir un kubeconfig…</translation>
    </message>
    <message>
        <source>Open Demo Cluster</source>
        <translation>Ouvrir le cluster de démonstration</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>A&amp;ller</translation>
    </message>
    <message>
        <source>Go to Anything…</source>
        <translation>Aller à…</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>Filter Table</source>
        <translation>Filtrer le tableau</translation>
    </message>
    <message>
        <source>Choose Namespaces…</source>
        <translation>Choisir les espaces de noms…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Vue d'ensemble</translation>
    </message>
    <message>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Journaux</translation>
    </message>
    <message>
        <source>Reconnect Cluster</source>
        <translation>Reconnecter le cluster</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>asked for</source>
        <translation>à la demande</translation>
    </message>
    <message>
        <source>Next Context</source>
        <translation>Contexte suivant</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Down</source>
        <translation>Ctrl+Alt+Down</translation>
    </message>
    <message>
        <source>Previous Context</source>
        <translation>Contexte précédent</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Up</source>
        <translation>Ctrl+Alt+Up</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Ctrl+/</source>
        <translation>Ctrl+/</translation>
    </message>
    <message>
        <source>About Orrery</source>
        <translation>À propos d'Orrery</translation>
    </message>
    <message>
        <source>%1 — Orrery</source>
        <translation>%1 — Orrery</translation>
    </message>
    <message>
        <source>Apply Manifests…</source>
        <translation>Appliquer des manifestes…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation>Préférences…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>Go to Kind or Page…</source>
        <translation>Aller à un type ou une page…</translation>
    </message>
    <message>
        <source>Some kubeconfig entries could not be loaded; the contexts listed are the ones that could:</source>
        <translation>Certaines entrées du kubeconfig n'ont pas pu être chargées ; les contextes listés sont ceux qui l'ont été :</translation>
    </message>
    <message>
        <source>Edit YAML</source>
        <translation>Modifier le YAML</translation>
    </message>
    <message>
        <source>Show Logs</source>
        <translation>Afficher les journaux</translation>
    </message>
    <message>
        <source>Delete Object…</source>
        <translation>Supprimer l'objet…</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Open Shell in Pod</source>
        <translation>Ouvrir un shell dans le pod</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Select a pod to open a shell in it.</source>
        <translation>Sélectionnez un pod pour y ouvrir un shell.</translation>
    </message>
    <message>
        <source>Switch to %1 to reconnect this shell.</source>
        <translation>Basculez vers %1 pour reconnecter ce shell.</translation>
    </message>
</context>
<context>
    <name>Orrery::ManifestRedaction</name>
    <message>
        <source>a Secret that could not be read; its text is not shown</source>
        <translation>un Secret illisible ; son texte n'est pas affiché</translation>
    </message>
</context>
<context>
    <name>Orrery::MetricFormat</name>
    <message>
        <source>%1 cores</source>
        <translation>%1 cœurs</translation>
    </message>
</context>
<context>
    <name>Orrery::MetricQueries</name>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory (working set)</source>
        <translation>Mémoire (working set)</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>received</source>
        <translation>reçu</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Redémarrages</translation>
    </message>
    <message>
        <source>Network (pods)</source>
        <translation>Réseau (pods)</translation>
    </message>
    <message>
        <source>Restarts (pods on the node)</source>
        <translation>Redémarrages (pods du nœud)</translation>
    </message>
    <message>
        <source>%1 against its target, and replicas</source>
        <translation>%1 par rapport à sa cible, et répliques</translation>
    </message>
</context>
<context>
    <name>Orrery::MetricsColumns</name>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>%CPU</source>
        <translation>%CPU</translation>
    </message>
    <message>
        <source>MEM</source>
        <translation>MÉM</translation>
    </message>
    <message>
        <source>%MEM</source>
        <translation>%MÉM</translation>
    </message>
    <message>
        <source>%CPU/R</source>
        <translation>%CPU/R</translation>
    </message>
    <message>
        <source>%CPU/L</source>
        <translation>%CPU/L</translation>
    </message>
    <message>
        <source>%MEM/R</source>
        <translation>%MÉM/R</translation>
    </message>
    <message>
        <source>%MEM/L</source>
        <translation>%MÉM/L</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
    <message>
        <source>Waiting for the first metrics-server sample.</source>
        <translation>En attente du premier échantillon de metrics-server.</translation>
    </message>
    <message>
        <source>The node states no allocatable CPU.</source>
        <translation>Le nœud n'indique aucun CPU allouable.</translation>
    </message>
    <message>
        <source>A container sets no CPU request.</source>
        <translation>Un conteneur ne définit aucune requête CPU.</translation>
    </message>
    <message>
        <source>A container sets no CPU limit.</source>
        <translation>Un conteneur ne définit aucune limite CPU.</translation>
    </message>
    <message>
        <source>The node states no allocatable memory.</source>
        <translation>Le nœud n'indique aucune mémoire allouable.</translation>
    </message>
    <message>
        <source>A container sets no memory request.</source>
        <translation>Un conteneur ne définit aucune requête mémoire.</translation>
    </message>
    <message>
        <source>A container sets no memory limit.</source>
        <translation>Un conteneur ne définit aucune limite mémoire.</translation>
    </message>
    <message>
        <source>No running pods.</source>
        <translation>Aucun pod en cours d'exécution.</translation>
    </message>
    <message>
        <source>%1 of %2 pods have a metrics-server sample; the figures are theirs.</source>
        <translation>%1 pods sur %2 ont un échantillon metrics-server ; les chiffres sont les leurs.</translation>
    </message>
    <message numerus="yes">
        <source>The sum of %n pod(s).</source>
        <translation>
            <numerusform>La somme de %n pod.</numerusform><numerusform>La somme de %n pods.</numerusform></translation>
    </message>
</context>
<context>
    <name>Orrery::MetricsHistoryView</name>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>CPU (metrics-server)</source>
        <translation>CPU (metrics-server)</translation>
    </message>
    <message>
        <source>Memory (metrics-server)</source>
        <translation>Mémoire (metrics-server)</translation>
    </message>
</context>
<context>
    <name>Orrery::MetricsUnavailable</name>
    <message>
        <source>no metrics-server found; looked for APIService v1beta1.metrics.k8s.io</source>
        <translation>aucun metrics-server trouvé ; APIService v1beta1.metrics.k8s.io recherché</translation>
    </message>
    <message>
        <source>forbidden: reading metrics needs the verb "%1" on %2 in all namespaces (a ClusterRole)</source>
        <translation>interdit : lire les métriques nécessite le verbe « %1 » sur %2 dans tous les namespaces (un ClusterRole)</translation>
    </message>
    <message>
        <source>forbidden: reading metrics needs the verb "%1" on %2 in namespace "%3"</source>
        <translation>interdit : lire les métriques nécessite le verbe « %1 » sur %2 dans le namespace « %3 »</translation>
    </message>
    <message>
        <source>the metrics API could not be reached: %1</source>
        <translation>l'API de métriques est injoignable : %1</translation>
    </message>
    <message>
        <source>the metrics API answered %1 (metrics-server is registered but not answering): %2</source>
        <translation>l'API de métriques a répondu %1 (metrics-server est enregistré mais ne répond pas) : %2</translation>
    </message>
    <message>
        <source>the metrics API answered %1: %2</source>
        <translation>l'API de métriques a répondu %1 : %2</translation>
    </message>
    <message>
        <source>no sample yet for node %1 (metrics-server has not scraped its kubelet)</source>
        <translation>pas encore d'échantillon pour le nœud %1 (metrics-server n'a pas encore interrogé son kubelet)</translation>
    </message>
    <message>
        <source>no sample yet for pod %1/%2 (metrics-server samples every 15 s; a new or stopped pod has none)</source>
        <translation>pas encore d'échantillon pour le pod %1/%2 (metrics-server échantillonne toutes les 15 s ; un pod nouveau ou arrêté n'en a aucun)</translation>
    </message>
</context>
<context>
    <name>Orrery::MonitoringDiscovery</name>
    <message numerus="yes">
        <source>no %1 found; looked for Services %2 in %n namespace(s); set one for this context in Preferences</source>
        <translation>
            <numerusform>aucun %1 trouvé ; Services %2 recherchés dans %n espace de noms ; définissez-en un pour ce contexte dans les Préférences</numerusform><numerusform>aucun %1 trouvé ; Services %2 recherchés dans %n espaces de noms ; définissez-en un pour ce contexte dans les Préférences</numerusform></translation>
    </message>
</context>
<context>
    <name>Orrery::MonitoringEndpoint</name>
    <message>
        <source>Service %1/%2 (API server proxy)</source>
        <translation>Service %1/%2 (proxy du serveur d'API)</translation>
    </message>
</context>
<context>
    <name>Orrery::MonitoringProblem</name>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1 : %2</translation>
    </message>
    <message>
        <source>forbidden: %1 refused the query (HTTP 403)</source>
        <translation>interdit : %1 a refusé la requête (HTTP 403)</translation>
    </message>
    <message>
        <source>forbidden: reading Prometheus through the API server needs the verb "get" on services/proxy in namespace "%1"</source>
        <translation>interdit : lire Prometheus via le serveur d'API nécessite le verbe "get" sur services/proxy dans l'espace de noms "%1"</translation>
    </message>
    <message>
        <source>the query failed: %1
PromQL: %2</source>
        <translation>la requête a échoué : %1
PromQL : %2</translation>
    </message>
    <message>
        <source>Prometheus has no series with %1 (is kube-state-metrics or cAdvisor scraped?)
PromQL: %2</source>
        <translation>Prometheus n'a aucune série avec %1 (kube-state-metrics ou cAdvisor est-il collecté ?)
PromQL : %2</translation>
    </message>
</context>
<context>
    <name>Orrery::MonitoringTarget</name>
    <message>
        <source>"%1" is not a valid URL</source>
        <translation>"%1" n'est pas une URL valide</translation>
    </message>
    <message>
        <source>"%1" is neither a URL (http://host:9090) nor a Service (namespace/name:port)</source>
        <translation>"%1" n'est ni une URL (http://host:9090) ni un Service (namespace/name:port)</translation>
    </message>
</context>
<context>
    <name>Orrery::NamespaceFilter</name>
    <message>
        <source>Choose the namespaces to show (Ctrl+N)</source>
        <translation>Choisir les espaces de noms à afficher (Ctrl+N)</translation>
    </message>
    <message>
        <source>Type to search namespaces…</source>
        <translation>Tapez pour rechercher un espace de noms…</translation>
    </message>
    <message>
        <source>All namespaces</source>
        <translation>Tous les espaces de noms</translation>
    </message>
    <message>
        <source>Namespace: all</source>
        <translation>Espace de noms : tous</translation>
    </message>
    <message>
        <source>Namespace: %1</source>
        <translation>Espace de noms : %1</translation>
    </message>
    <message numerus="yes">
        <source>Namespaces: %n selected</source>
        <translation>
            <numerusform>Espaces de noms : %n sélectionné</numerusform><numerusform>Espaces de noms : %n sélectionnés</numerusform></translation>
    </message>
    <message>
        <source>Showing all namespaces</source>
        <translation>Affichage de tous les espaces de noms</translation>
    </message>
</context>
<context>
    <name>Orrery::NamespaceListModel</name>
    <message>
        <source>This namespace does not exist (any more).</source>
        <translation>Cet espace de noms n'existe pas (ou plus).</translation>
    </message>
    <message numerus="yes">
        <source>%1  · %n problem(s)</source>
        <translation>
            <numerusform>%1  · %n problème</numerusform><numerusform>%1  · %n problèmes</numerusform></translation>
    </message>
</context>
<context>
    <name>Orrery::ObjectMetricsView</name>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Time range of the charts</source>
        <translation>Plage temporelle des graphiques</translation>
    </message>
    <message>
        <source>Prometheus: not looked for yet (no cluster connected)</source>
        <translation>Prometheus : pas encore recherché (aucun cluster connecté)</translation>
    </message>
    <message>
        <source>Showing the HPA's status as Orrery recorded it since it connected.</source>
        <translation>Affichage de l'état du HPA tel qu'Orrery l'a enregistré depuis sa connexion.</translation>
    </message>
    <message>
        <source>Showing metrics-server's samples (CPU and memory, kept since Orrery connected).</source>
        <translation>Affichage des échantillons de metrics-server (CPU et mémoire, conservés depuis la connexion d'Orrery).</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1, but %2. %3</source>
        <translation>%1, mais %2. %3</translation>
    </message>
    <message>
        <source>The PromQL behind this chart</source>
        <translation>La requête PromQL derrière ce graphique</translation>
    </message>
    <message>
        <source>Copy PromQL</source>
        <translation>Copier le PromQL</translation>
    </message>
    <message>
        <source>Copy this chart's PromQL to the clipboard</source>
        <translation>Copier le PromQL de ce graphique dans le presse-papiers</translation>
    </message>
    <message>
        <source>Metrics against targets, and replicas</source>
        <translation>Métriques par rapport aux cibles, et répliques</translation>
    </message>
    <message>
        <source>%1 against its target, and replicas (kept status)</source>
        <translation>%1 par rapport à sa cible, et répliques (état conservé)</translation>
    </message>
    <message>
        <source>no status recorded yet for this HPA</source>
        <translation>aucun état encore enregistré pour ce HPA</translation>
    </message>
    <message>
        <source>this HPA lists no metrics, and %1</source>
        <translation>ce HPA ne liste aucune métrique, et %1</translation>
    </message>
    <message>
        <source>no cluster connected</source>
        <translation>aucun cluster connecté</translation>
    </message>
    <message>
        <source>CPU (metrics-server)</source>
        <translation>CPU (metrics-server)</translation>
    </message>
    <message>
        <source>Memory (metrics-server)</source>
        <translation>Mémoire (metrics-server)</translation>
    </message>
    <message>
        <source>Waiting for the first answer of metrics-server…</source>
        <translation>En attente de la première réponse de metrics-server…</translation>
    </message>
    <message>
        <source>no metrics-server sample yet for the pods of %1 in namespace %2</source>
        <translation>pas encore d'échantillon metrics-server pour les pods de %1 dans l'espace de noms %2</translation>
    </message>
</context>
<context>
    <name>Orrery::Operation</name>
    <message>
        <source>%1 (dry run)</source>
        <translation>%1 (simulation)</translation>
    </message>
    <message>
        <source>Cancelled before: %1</source>
        <translation>Annulé avant : %1</translation>
    </message>
    <message>
        <source>%1: done (%2)</source>
        <translation>%1 : terminé (%2)</translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation>%1 : échec : %2</translation>
    </message>
</context>
<context>
    <name>Orrery::OperationCatalog</name>
    <message>
        <source>Scale…</source>
        <translation>Mettre à l'échelle…</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Redémarrer</translation>
    </message>
    <message>
        <source>Pause rollout</source>
        <translation>Suspendre le déploiement progressif</translation>
    </message>
    <message>
        <source>Resume rollout</source>
        <translation>Reprendre le déploiement progressif</translation>
    </message>
    <message>
        <source>Set image…</source>
        <translation>Définir l'image…</translation>
    </message>
    <message>
        <source>Roll back…</source>
        <translation>Revenir en arrière…</translation>
    </message>
    <message>
        <source>Cordon</source>
        <translation>Isoler (cordon)</translation>
    </message>
    <message>
        <source>Uncordon</source>
        <translation>Réintégrer (uncordon)</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Run workflow…</source>
        <translation>Exécuter le workflow…</translation>
    </message>
    <message>
        <source>Re-run all jobs</source>
        <translation>Relancer toutes les tâches</translation>
    </message>
    <message>
        <source>Re-run failed jobs</source>
        <translation>Relancer les tâches en échec</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>Annuler l'exécution</translation>
    </message>
    <message>
        <source>Approve deployment…</source>
        <translation>Approuver le déploiement…</translation>
    </message>
    <message>
        <source>Reject deployment…</source>
        <translation>Rejeter le déploiement…</translation>
    </message>
    <message>
        <source>Download log…</source>
        <translation>Télécharger le journal…</translation>
    </message>
    <message>
        <source>Shell</source>
        <translation>Shell</translation>
    </message>
    <message>
        <source>Port forward…</source>
        <translation>Redirection de port…</translation>
    </message>
    <message>
        <source>Re-run job</source>
        <translation>Relancer le job</translation>
    </message>
    <message>
        <source>Restart machine</source>
        <translation>Redémarrer la machine</translation>
    </message>
    <message>
        <source>Stop machine</source>
        <translation>Arrêter la machine</translation>
    </message>
    <message>
        <source>Start machine</source>
        <translation>Démarrer la machine</translation>
    </message>
    <message>
        <source>Scale process group…</source>
        <translation>Redimensionner le groupe de processus…</translation>
    </message>
    <message>
        <source>Deploy a previous release…</source>
        <translation>Déployer une release précédente…</translation>
    </message>
</context>
<context>
    <name>Orrery::OperationRunner</name>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Connect to a context first: there is no cluster to send this to.</source>
        <translation>Connectez-vous d'abord à un contexte : il n'y a aucun cluster auquel envoyer ceci.</translation>
    </message>
    <message>
        <source>the cluster was disconnected</source>
        <translation>le cluster a été déconnecté</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Terminé : %1</translation>
    </message>
</context>
<context>
    <name>Orrery::OperationsPanel</name>
    <message>
        <source>Rollouts and undo offers appear here after a change.</source>
        <translation>Les déploiements progressifs et les propositions d'annulation apparaissent ici après une modification.</translation>
    </message>
</context>
<context>
    <name>Orrery::PaletteController</name>
    <message>
        <source>Context</source>
        <translation>Contexte</translation>
    </message>
    <message>
        <source>Context %1</source>
        <translation>Contexte %1</translation>
    </message>
    <message>
        <source>Action on %1</source>
        <translation>Action sur %1</translation>
    </message>
    <message>
        <source>Apply manifests</source>
        <translation>Appliquer les manifestes</translation>
    </message>
    <message>
        <source>Server-side apply of YAML files or pasted YAML (Ctrl+Shift+A)</source>
        <translation>Application côté serveur (server-side apply) de fichiers YAML ou de YAML collé (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Command (%1)</source>
        <translation>Commande (%1)</translation>
    </message>
</context>
<context>
    <name>Orrery::PauseOperation</name>
    <message>
        <source>Pause %1</source>
        <translation>Suspendre %1</translation>
    </message>
    <message>
        <source>Resume %1</source>
        <translation>Reprendre %1</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Cannot pause</source>
        <translation>Impossible de suspendre</translation>
    </message>
    <message>
        <source>Cannot resume</source>
        <translation>Impossible de reprendre</translation>
    </message>
</context>
<context>
    <name>Orrery::PipelineCredentials</name>
    <message>
        <source>glab's config has no token for %1</source>
        <translation>la configuration de glab ne contient aucun jeton pour %1</translation>
    </message>
    <message>
        <source>run "glab auth login --hostname %1", or set GITLAB_TOKEN (a glab that keeps its token in the system keyring writes none to its config)</source>
        <translation>exécutez « glab auth login --hostname %1 » ou définissez GITLAB_TOKEN (un glab qui conserve son jeton dans le trousseau système n'en écrit aucun dans sa configuration)</translation>
    </message>
    <message>
        <source>no GitLab token: GITLAB_TOKEN is not set and glab has no config</source>
        <translation>aucun jeton GitLab : GITLAB_TOKEN n'est pas défini et glab n'a pas de configuration</translation>
    </message>
    <message>
        <source>set GITLAB_TOKEN, or run "glab auth login --hostname %1"</source>
        <translation>définissez GITLAB_TOKEN ou exécutez « glab auth login --hostname %1 »</translation>
    </message>
    <message>
        <source>no GitLab token for %1: not in GITLAB_TOKEN, glab's config or %2</source>
        <translation>aucun jeton GitLab pour %1 : absent de GITLAB_TOKEN, de la configuration de glab et de %2</translation>
    </message>
    <message>
        <source>set GITLAB_TOKEN, run "glab auth login --hostname %1", or enter a token</source>
        <translation>définissez GITLAB_TOKEN, exécutez « glab auth login --hostname %1 » ou saisissez un jeton</translation>
    </message>
    <message>
        <source>no Jenkins credentials: set JENKINS_USER_ID and JENKINS_API_TOKEN</source>
        <translation>aucun identifiant Jenkins : définissez JENKINS_USER_ID et JENKINS_API_TOKEN</translation>
    </message>
    <message>
        <source>create an API token on your Jenkins user's Security page</source>
        <translation>créez un jeton d'API sur la page Sécurité de votre utilisateur Jenkins</translation>
    </message>
</context>
<context>
    <name>Orrery::PipelineOperation</name>
    <message>
        <source>run #%1</source>
        <translation>exécution n° %1</translation>
    </message>
    <message>
        <source>run #%1 (%2)</source>
        <translation>exécution n° %1 (%2)</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>exécution %1</translation>
    </message>
    <message>
        <source>%1 on %2 (%3)</source>
        <translation>%1 sur %2 (%3)</translation>
    </message>
    <message>
        <source>Run workflow %1</source>
        <translation>Exécuter le workflow %1</translation>
    </message>
    <message>
        <source>Re-run %1</source>
        <translation>Relancer %1</translation>
    </message>
    <message>
        <source>Re-run failed jobs of %1</source>
        <translation>Relancer les tâches en échec de %1</translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation>Annuler %1</translation>
    </message>
    <message>
        <source>Approve deployment of %1</source>
        <translation>Approuver le déploiement de %1</translation>
    </message>
    <message>
        <source>Reject deployment of %1</source>
        <translation>Rejeter le déploiement de %1</translation>
    </message>
    <message>
        <source>Download log of job %1</source>
        <translation>Télécharger le journal de la tâche %1</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécuter</translation>
    </message>
    <message>
        <source>Re-run</source>
        <translation>Relancer</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>Annuler l'exécution</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rejeter</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <source>Cannot %1</source>
        <translation>Impossible de %1</translation>
    </message>
    <message>
        <source>GitHub says you may not review the deployment to %1 (required reviewers: %2).</source>
        <translation>GitHub indique que vous ne pouvez pas examiner le déploiement vers %1 (examinateurs requis : %2).</translation>
    </message>
    <message>
        <source>GitHub says your token has no write access to %1: running, re-running and cancelling workflows needs it.</source>
        <translation>GitHub indique que votre jeton n'a pas d'accès en écriture à %1 : il est nécessaire pour exécuter, relancer et annuler des workflows.</translation>
    </message>
    <message>
        <source>no pipeline provider is connected</source>
        <translation>aucun fournisseur de pipeline n'est connecté</translation>
    </message>
    <message>
        <source>%1 already finished (%2): there is nothing to cancel.</source>
        <translation>%1 est déjà terminé (%2) : il n'y a rien à annuler.</translation>
    </message>
    <message>
        <source>%1 waits for no deployment review.</source>
        <translation>%1 n'attend aucun examen de déploiement.</translation>
    </message>
    <message>
        <source>"%1" is not a GitHub repository: give OWNER/REPO</source>
        <translation>« %1 » n'est pas un dépôt GitHub : indiquez OWNER/REPO</translation>
    </message>
    <message>
        <source>Say which workflow to run (its file name, e.g. deploy.yml).</source>
        <translation>Indiquez le workflow à exécuter (son nom de fichier, p. ex. deploy.yml).</translation>
    </message>
    <message>
        <source>Say which branch or tag to run the workflow on.</source>
        <translation>Indiquez la branche ou le tag sur lequel exécuter le workflow.</translation>
    </message>
    <message>
        <source>Run workflow %1 on %2 in %3</source>
        <translation>Exécuter le workflow %1 sur %2 dans %3</translation>
    </message>
    <message>
        <source>Run workflow %1 on %2 in %3 with %4</source>
        <translation>Exécuter le workflow %1 sur %2 dans %3 avec %4</translation>
    </message>
    <message>
        <source>"%1" is not a run id</source>
        <translation>« %1 » n'est pas un identifiant d'exécution</translation>
    </message>
    <message>
        <source>%1 is still %2: it can be re-run once it finished.</source>
        <translation>%1 est toujours %2 : il pourra être relancé une fois terminé.</translation>
    </message>
    <message>
        <source>Re-run the failed jobs of %1 in %2</source>
        <translation>Relancer les tâches en échec de %1 dans %2</translation>
    </message>
    <message>
        <source>Re-run all jobs of %1 in %2</source>
        <translation>Relancer toutes les tâches de %1 dans %2</translation>
    </message>
    <message>
        <source>Cancel %1 in %2</source>
        <translation>Annuler %1 dans %2</translation>
    </message>
    <message>
        <source>%1 waits for no deployment you may review</source>
        <translation>%1 n'attend aucun déploiement que vous pouvez examiner</translation>
    </message>
    <message>
        <source>Approve the deployment of %1 to %2 in %3</source>
        <translation>Approuver le déploiement de %1 vers %2 dans %3</translation>
    </message>
    <message>
        <source>Reject the deployment of %1 to %2 in %3</source>
        <translation>Rejeter le déploiement de %1 vers %2 dans %3</translation>
    </message>
    <message>
        <source>Say which job's log to download and to which file.</source>
        <translation>Indiquez le journal de quelle tâche télécharger et dans quel fichier.</translation>
    </message>
    <message>
        <source>Download the log of job %1 of %2 in %3 to %4</source>
        <translation>Télécharger le journal de la tâche %1 de %2 dans %3 vers %4</translation>
    </message>
    <message numerus="yes">
        <source>Protected environment(s) waiting for review: %1</source>
        <translation>
            <numerusform>Environnement(s) protégé(s) en attente d'examen : %1</numerusform><numerusform>Environnement(s) protégé(s) en attente d'examen : %1</numerusform></translation>
    </message>
    <message>
        <source>This run deploys to: %1</source>
        <translation>Cette exécution déploie vers : %1</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Commentaire : %1</translation>
    </message>
    <message>
        <source>%1 has no dry run; the request was checked here (repository, run, permissions) and nothing was sent.</source>
        <translation>%1 n'a pas de simulation ; la requête a été vérifiée ici (dépôt, exécution, autorisations) et rien n'a été envoyé.</translation>
    </message>
    <message>
        <source>%1: done (%2)</source>
        <translation>%1 : terminé (%2)</translation>
    </message>
    <message>
        <source>%1 could not be reached: %2</source>
        <translation>%1 est injoignable : %2</translation>
    </message>
    <message>
        <source>GitHub refused (HTTP 403): %1
The token may lack the "actions: write" permission on %2.</source>
        <translation>GitHub a refusé (HTTP 403) : %1
Le jeton n'a peut-être pas l'autorisation "actions: write" sur %2.</translation>
    </message>
    <message>
        <source>GitHub refused (HTTP %1): %2</source>
        <translation>GitHub a refusé (HTTP %1) : %2</translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation>%1 : échec : %2</translation>
    </message>
    <message>
        <source>%1: done (%2), run %3 (#%4) started</source>
        <translation>%1 : terminé (%2), exécution %3 (n° %4) lancée</translation>
    </message>
    <message>
        <source>Download the log of job %1: failed: %2</source>
        <translation>Télécharger le journal de la tâche %1 : échec : %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d'écrire %1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>Log of job %1 written to %2 (%n byte(s))</source>
        <translation>
            <numerusform>Journal de la tâche %1 écrit dans %2 (%n octet)</numerusform><numerusform>Journal de la tâche %1 écrit dans %2 (%n octets)</numerusform></translation>
    </message>
    <message>
        <source>Cancel the run it started (%1)</source>
        <translation>Annuler l'exécution lancée (%1)</translation>
    </message>
    <message>
        <source>Cancel the re-run</source>
        <translation>Annuler la relance</translation>
    </message>
    <message>
        <source>pipeline #%1</source>
        <translation>pipeline #%1</translation>
    </message>
    <message>
        <source>build #%1</source>
        <translation>build #%1</translation>
    </message>
    <message>
        <source>Run a pipeline in %1</source>
        <translation>Lancer un pipeline dans %1</translation>
    </message>
    <message>
        <source>Retry failed jobs of %1</source>
        <translation>Réessayer les jobs en échec de %1</translation>
    </message>
    <message>
        <source>Retry job %1 of %2</source>
        <translation>Réessayer le job %1 de %2</translation>
    </message>
    <message>
        <source>Play the manual job of %1</source>
        <translation>Lancer le job manuel de %1</translation>
    </message>
    <message>
        <source>Play manual job %1 of %2</source>
        <translation>Lancer le job manuel %1 de %2</translation>
    </message>
    <message>
        <source>Build %1</source>
        <translation>Lancer un build de %1</translation>
    </message>
    <message>
        <source>Build %1 again</source>
        <translation>Relancer un build de %1</translation>
    </message>
    <message>
        <source>Abort %1</source>
        <translation>Interrompre %1</translation>
    </message>
    <message>
        <source>Approve the input of %1</source>
        <translation>Approuver la saisie de %1</translation>
    </message>
    <message>
        <source>Abort the input of %1</source>
        <translation>Interrompre la saisie de %1</translation>
    </message>
    <message>
        <source>Download the console of %1</source>
        <translation>Télécharger la sortie console de %1</translation>
    </message>
    <message>
        <source>Re-run job %1 of %2</source>
        <translation>Relancer le job %1 de %2</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Lancer</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Construire</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Interrompre</translation>
    </message>
    <message>
        <source>GitLab says your access to %1 is level %2 (Developer, 30, or more is needed to run, retry, cancel or play pipeline jobs).</source>
        <translation>Selon GitLab, votre niveau d'accès à %1 est %2 (le niveau Developer, 30, ou supérieur est requis pour exécuter, réessayer, annuler ou lancer des jobs de pipeline).</translation>
    </message>
    <message>
        <source>Jenkins says job %1 cannot be built (it is disabled).</source>
        <translation>Selon Jenkins, le job %1 ne peut pas être construit (il est désactivé).</translation>
    </message>
    <message>
        <source>%1 has no manual job waiting to be played.</source>
        <translation>%1 n'a aucun job manuel en attente de lancement.</translation>
    </message>
    <message>
        <source>%1 waits for no input.</source>
        <translation>%1 n'attend aucune saisie.</translation>
    </message>
    <message>
        <source>%1 has no such action (%2)</source>
        <translation>%1 ne propose pas cette action (%2)</translation>
    </message>
    <message>
        <source>"%1" is not a job id</source>
        <translation>« %1 » n'est pas un identifiant de job</translation>
    </message>
    <message>
        <source>%1 is still %2: its jobs can be re-run once it finished.</source>
        <translation>%1 est toujours à l'état %2 : ses jobs pourront être relancés une fois qu'il sera terminé.</translation>
    </message>
    <message>
        <source>Re-run job %1 of %2 and the jobs after it in %3</source>
        <translation>Relancer le job %1 de %2 et les jobs suivants dans %3</translation>
    </message>
    <message>
        <source>GitLab refused (HTTP 403): %1
Running, retrying, cancelling and playing jobs needs the Developer role on %2 and a token with the "api" scope; a protected branch or environment may allow fewer.</source>
        <translation>GitLab a refusé (HTTP 403) : %1
Exécuter, réessayer, annuler et lancer des jobs nécessite le rôle Developer sur %2 et un jeton avec la portée « api » ; une branche ou un environnement protégé peut en autoriser moins.</translation>
    </message>
    <message>
        <source>GitLab refused (HTTP %1): %2</source>
        <translation>GitLab a refusé (HTTP %1) : %2</translation>
    </message>
    <message>
        <source>Jenkins refused (HTTP 403): %1
The user may lack the Job/Build or Job/Cancel permission on %2.</source>
        <translation>Jenkins a refusé (HTTP 403) : %1
L'utilisateur n'a peut-être pas la permission Job/Build ou Job/Cancel sur %2.</translation>
    </message>
    <message>
        <source>Jenkins refused (HTTP %1): %2</source>
        <translation>Jenkins a refusé (HTTP %1) : %2</translation>
    </message>
    <message>
        <source>Say which branch or tag to run the pipeline on.</source>
        <translation>Indiquez la branche ou le tag sur lequel exécuter le pipeline.</translation>
    </message>
    <message>
        <source>Run a pipeline on %1 in %2</source>
        <translation>Lancer un pipeline sur %1 dans %2</translation>
    </message>
    <message>
        <source>Run a pipeline on %1 in %2 with %3</source>
        <translation>Lancer un pipeline sur %1 dans %2 avec %3</translation>
    </message>
    <message>
        <source>"%1" is not a pipeline id</source>
        <translation>« %1 » n'est pas un identifiant de pipeline</translation>
    </message>
    <message>
        <source>%1 names no ref to run again</source>
        <translation>%1 n'indique aucune référence à relancer</translation>
    </message>
    <message>
        <source>Run a new pipeline on %1 (the ref of %2) in %3</source>
        <translation>Lancer un nouveau pipeline sur %1 (la référence de %2) dans %3</translation>
    </message>
    <message>
        <source>Retry the failed and cancelled jobs of %1 in %2</source>
        <translation>Réessayer les jobs en échec et annulés de %1 dans %2</translation>
    </message>
    <message>
        <source>Job %1 is still %2: it can be retried once it finished.</source>
        <translation>Le job %1 est toujours à l'état %2 : il pourra être réessayé une fois terminé.</translation>
    </message>
    <message>
        <source>Retry job %1 of %2 in %3</source>
        <translation>Réessayer le job %1 de %2 dans %3</translation>
    </message>
    <message>
        <source>Job %1 is not a manual job waiting to be played (%2).</source>
        <translation>Le job %1 n'est pas un job manuel en attente de lancement (%2).</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>introuvable</translation>
    </message>
    <message>
        <source>Several manual jobs wait (%1): choose one.</source>
        <translation>Plusieurs jobs manuels sont en attente (%1) : choisissez-en un.</translation>
    </message>
    <message>
        <source>Play manual job %1 of %2 in %3</source>
        <translation>Lancer le job manuel %1 de %2 dans %3</translation>
    </message>
    <message>
        <source>Play manual job %1 of %2 (environment %3) in %4</source>
        <translation>Lancer le job manuel %1 de %2 (environnement %3) dans %4</translation>
    </message>
    <message>
        <source>GitLab has no such action</source>
        <translation>GitLab ne propose pas cette action</translation>
    </message>
    <message>
        <source>Build %1 with %2</source>
        <translation>Lancer un build de %1 avec %2</translation>
    </message>
    <message>
        <source>"%1" is not a build number</source>
        <translation>« %1 » n'est pas un numéro de build</translation>
    </message>
    <message>
        <source>Build %1 again (%2)</source>
        <translation>Relancer un build de %1 (%2)</translation>
    </message>
    <message>
        <source>Build %1 again with the parameters of %2: %3</source>
        <translation>Relancer un build de %1 avec les paramètres de %2 : %3</translation>
    </message>
    <message>
        <source>Abort %1 of %2</source>
        <translation>Interrompre %1 de %2</translation>
    </message>
    <message>
        <source>Several inputs wait (%1): choose one.</source>
        <translation>Plusieurs saisies sont en attente (%1) : choisissez-en une.</translation>
    </message>
    <message>
        <source>Approve the input "%1" of %2 in %3</source>
        <translation>Approuver la saisie « %1 » de %2 dans %3</translation>
    </message>
    <message>
        <source>Abort the input "%1" of %2 in %3 (the build ends aborted)</source>
        <translation>Interrompre la saisie « %1 » de %2 dans %3 (le build se termine à l'état interrompu)</translation>
    </message>
    <message>
        <source>Jenkins has no such action</source>
        <translation>Jenkins ne propose pas cette action</translation>
    </message>
    <message>
        <source>%1: done (%2), pipeline %3 started</source>
        <translation>%1 : terminé (%2), pipeline %3 lancé</translation>
    </message>
    <message>
        <source>%1: done (%2), build #%3 started</source>
        <translation>%1 : terminé (%2), build #%3 lancé</translation>
    </message>
    <message>
        <source>%1: done (%2), queued as item %3</source>
        <translation>%1 : terminé (%2), mis en file d'attente comme élément %3</translation>
    </message>
    <message>
        <source>%1: done (%2), but the queue item %3 did not start: %4</source>
        <translation>%1 : terminé (%2), mais l'élément %3 de la file d'attente n'a pas démarré : %4</translation>
    </message>
</context>
<context>
    <name>Orrery::PipelineRunModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>Orrery::PipelineRunsModel</name>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>il y a %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécuter</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branche</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Déclencheur</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>A %1: a trigger job of another pipeline started it</source>
        <translation>Un %1 : un job de déclenchement d’un autre pipeline l’a lancé</translation>
    </message>
    <message>
        <source>↳ %1 (%2)</source>
        <translation>↳ %1 (%2)</translation>
    </message>
</context>
<context>
    <name>Orrery::PipelineScene</name>
    <message>
        <source>%1 ×%2</source>
        <translation>%1 ×%2</translation>
    </message>
    <message>
        <source>%1 ✓</source>
        <translation>%1 ✓</translation>
    </message>
    <message>
        <source>%1 ✗</source>
        <translation>%1 ✗</translation>
    </message>
    <message>
        <source>%1 running</source>
        <translation>%1 en cours d'exécution</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 en attente</translation>
    </message>
    <message>
        <source>%1 queued</source>
        <translation>%1 en file d'attente</translation>
    </message>
    <message>
        <source>%1 cancelled</source>
        <translation>%1 annulée(s)</translation>
    </message>
    <message>
        <source>%1 skipped</source>
        <translation>%1 ignorée(s)</translation>
    </message>
    <message>
        <source>%1 unknown</source>
        <translation>%1 inconnue(s)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%1 pendant %2</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>Click to show the %n job(s) one by one.</source>
        <translation>
            <numerusform>Cliquez pour afficher %n tâche individuellement.</numerusform><numerusform>Cliquez pour afficher les %n tâches une par une.</numerusform></translation>
    </message>
    <message>
        <source>Double-click to collapse the %1 group.</source>
        <translation>Double-cliquez pour replier le groupe %1.</translation>
    </message>
    <message>
        <source>On the critical path (the longest chain).</source>
        <translation>Sur le chemin critique (la plus longue chaîne).</translation>
    </message>
    <message>
        <source>Click to show the full log.</source>
        <translation>Cliquez pour afficher le journal complet.</translation>
    </message>
    <message>
        <source>%1 · → %2</source>
        <translation>%1 · → %2</translation>
    </message>
    <message>
        <source>Click to open %1.</source>
        <translation>Cliquez pour ouvrir %1.</translation>
    </message>
</context>
<context>
    <name>Orrery::PipelineSource</name>
    <message>
        <source>"%1" is not a pipeline source: give PROVIDER:HOST/SOURCE (github, gitlab or jenkins)</source>
        <translation>"%1" n'est pas une source de pipeline : indiquez PROVIDER:HOST/SOURCE (github, gitlab ou jenkins)</translation>
    </message>
    <message>
        <source>"%1" is not a pipeline source: give PROVIDER:HOST/SOURCE</source>
        <translation>"%1" n'est pas une source de pipeline : indiquez PROVIDER:HOST/SOURCE</translation>
    </message>
</context>
<context>
    <name>Orrery::PipelineTriggerDialog</name>
    <message>
        <source>Run a workflow of %1</source>
        <translation>Exécuter un workflow de %1</translation>
    </message>
    <message>
        <source>Inputs:</source>
        <translation>Entrées :</translation>
    </message>
    <message>
        <source>Run a pipeline of %1</source>
        <translation>Exécuter un pipeline de %1</translation>
    </message>
    <message>
        <source>Variables:</source>
        <translation>Variables :</translation>
    </message>
    <message>
        <source>Build %1</source>
        <translation>Lancer un build de %1</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>Paramètres :</translation>
    </message>
    <message>
        <source>the workflow's file (deploy.yml) or name</source>
        <translation>le fichier du workflow (deploy.yml) ou son nom</translation>
    </message>
    <message>
        <source>Workflow:</source>
        <translation>Workflow :</translation>
    </message>
    <message>
        <source>branch or tag (empty: the default branch)</source>
        <translation>branche ou tag (vide : la branche par défaut)</translation>
    </message>
    <message>
        <source>Branch or tag:</source>
        <translation>Branche ou tag :</translation>
    </message>
    <message>
        <source>NAME=value, one per line (empty: the job's defaults)</source>
        <translation>NAME=value, un par ligne (vide : valeurs par défaut du job)</translation>
    </message>
    <message>
        <source>NAME=value, one per line</source>
        <translation>NAME=value, un par ligne</translation>
    </message>
    <message>
        <source>Build…</source>
        <translation>Lancer un build…</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>Exécuter…</translation>
    </message>
    <message>
        <source>Nothing is sent yet: the next step shows the request and asks for confirmation.</source>
        <translation>Rien n'est encore envoyé : l'étape suivante affiche la requête et demande une confirmation.</translation>
    </message>
</context>
<context>
    <name>Orrery::PipelinesPage</name>
    <message>
        <source>GitHub Actions</source>
        <translation>GitHub Actions</translation>
    </message>
    <message>
        <source>GitLab CI</source>
        <translation>GitLab CI</translation>
    </message>
    <message>
        <source>Jenkins</source>
        <translation>Jenkins</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Click a job in the diagram to read its log.</source>
        <translation>Cliquez sur une tâche du diagramme pour lire son journal.</translation>
    </message>
    <message>
        <source>%1 has no runs yet.</source>
        <translation>%1 n'a encore aucune exécution.</translation>
    </message>
    <message>
        <source>No CI/CD provider is configured.

Orrery reads GitHub Actions, GitLab CI and Jenkins. Give it a provider and a repository or job (see docs/pipelines.md, "Providers"): credentials come from where you keep them already (gh auth token or GH_TOKEN, GITLAB_TOKEN or glab's configuration, a Jenkins API token), never from Orrery's settings.</source>
        <translation>Aucun fournisseur CI/CD n'est configuré.

Orrery lit GitHub Actions, GitLab CI et Jenkins. Indiquez-lui un fournisseur et un dépôt ou une tâche (voir docs/pipelines.md, "Providers") : les identifiants proviennent de l'endroit où vous les conservez déjà (gh auth token ou GH_TOKEN, GITLAB_TOKEN ou la configuration de glab, un jeton d'API Jenkins), jamais des paramètres d'Orrery.</translation>
    </message>
    <message>
        <source>Reading the runs of %1…</source>
        <translation>Lecture des exécutions de %1…</translation>
    </message>
    <message>
        <source>Cannot read the runs; retrying in %1</source>
        <translation>Impossible de lire les exécutions ; nouvelle tentative dans %1</translation>
    </message>
    <message>
        <source>The runs of %1 cannot be read: %2</source>
        <translation>Les exécutions de %1 ne peuvent pas être lues : %2</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Mis à jour %1</translation>
    </message>
    <message>
        <source>Pipelines: no provider configured</source>
        <translation>Pipelines : aucun fournisseur configuré</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>API quota: %1 of %2 left</source>
        <translation>Quota d'API : %1 sur %2 restant(s)</translation>
    </message>
    <message>
        <source>API quota: %1 left</source>
        <translation>Quota d'API : %1 restant(s)</translation>
    </message>
    <message>
        <source>%1, renewed at %2</source>
        <translation>%1, renouvelé à %2</translation>
    </message>
    <message>
        <source>Log of %1 (%2)</source>
        <translation>Journal de %1 (%2)</translation>
    </message>
    <message>
        <source>The log cannot be read: %1</source>
        <translation>Le journal ne peut pas être lu : %1</translation>
    </message>
    <message>
        <source>Export the run</source>
        <translation>Exporter l'exécution</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg);;JSON (*.json)</source>
        <translation>Image PNG (*.png);;Image SVG (*.svg);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exporté vers %1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Échec de l'export : %1</translation>
    </message>
    <message>
        <source>Pipeline source</source>
        <translation>Source du pipeline</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>Exécuter…</translation>
    </message>
    <message>
        <source>Re-run</source>
        <translation>Relancer</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>Annuler l'exécution</translation>
    </message>
    <message>
        <source>Start a new run (asks for the branch and inputs, then confirms)</source>
        <translation>Lancer une nouvelle exécution (demande la branche et les entrées, puis une confirmation)</translation>
    </message>
    <message>
        <source>Run the selected run again</source>
        <translation>Relancer l'exécution sélectionnée</translation>
    </message>
    <message>
        <source>Cancel the selected run</source>
        <translation>Annuler l'exécution sélectionnée</translation>
    </message>
    <message>
        <source>Build…</source>
        <translation>Lancer un build…</translation>
    </message>
    <message>
        <source>Build again</source>
        <translation>Relancer le build</translation>
    </message>
    <message>
        <source>Abort build</source>
        <translation>Interrompre le build</translation>
    </message>
    <message>
        <source>Build again with the same parameters</source>
        <translation>Relancer le build avec les mêmes paramètres</translation>
    </message>
    <message>
        <source>Run a new pipeline on the same ref</source>
        <translation>Exécuter un nouveau pipeline sur la même ref</translation>
    </message>
    <message>
        <source>Re-run all jobs</source>
        <translation>Relancer toutes les tâches</translation>
    </message>
    <message>
        <source>Retry failed jobs</source>
        <translation>Relancer les jobs en échec</translation>
    </message>
    <message>
        <source>Re-run failed jobs</source>
        <translation>Relancer les tâches en échec</translation>
    </message>
    <message>
        <source>Play the manual job</source>
        <translation>Lancer le job manuel</translation>
    </message>
    <message>
        <source>Approve the input…</source>
        <translation>Approuver la saisie…</translation>
    </message>
    <message>
        <source>Approve deployment…</source>
        <translation>Approuver le déploiement…</translation>
    </message>
    <message>
        <source>Abort the input…</source>
        <translation>Interrompre la saisie…</translation>
    </message>
    <message>
        <source>Reject deployment…</source>
        <translation>Rejeter le déploiement…</translation>
    </message>
    <message>
        <source>Retry job %1</source>
        <translation>Relancer le job %1</translation>
    </message>
    <message>
        <source>Re-run job %1</source>
        <translation>Réexécuter le job %1</translation>
    </message>
    <message>
        <source>Play %1</source>
        <translation>Lancer %1</translation>
    </message>
    <message>
        <source>Approve the input of %1…</source>
        <translation>Approuver la saisie de %1…</translation>
    </message>
    <message>
        <source>Approve the deployment of %1…</source>
        <translation>Approuver le déploiement de %1…</translation>
    </message>
    <message>
        <source>Abort the input of %1…</source>
        <translation>Interrompre la saisie de %1…</translation>
    </message>
    <message>
        <source>Reject the deployment of %1…</source>
        <translation>Rejeter le déploiement de %1…</translation>
    </message>
    <message>
        <source>Download the console…</source>
        <translation>Télécharger la console…</translation>
    </message>
    <message>
        <source>Download the log of %1…</source>
        <translation>Télécharger le journal de %1…</translation>
    </message>
    <message>
        <source>Approve the deployment</source>
        <translation>Approuver le déploiement</translation>
    </message>
    <message>
        <source>Reject the deployment</source>
        <translation>Rejeter le déploiement</translation>
    </message>
    <message>
        <source>Comment (optional):</source>
        <translation>Commentaire (facultatif) :</translation>
    </message>
    <message>
        <source>Save the log</source>
        <translation>Enregistrer le journal</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Last build</source>
        <translation>Dernier build</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>dossier</translation>
    </message>
    <message>
        <source>multibranch</source>
        <translation>multibranche</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>Orrery::PortForwardDialog</name>
    <message>
        <source>Forward a port of 127.0.0.1 on this computer to a port of pod &lt;b&gt;%1&lt;/b&gt; in namespace &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>Rediriger un port de 127.0.0.1 sur cet ordinateur vers un port du pod &lt;b&gt;%1&lt;/b&gt; dans le namespace &lt;b&gt;%2&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Pod port:</source>
        <translation>Port du pod :</translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation>N'importe quel port libre</translation>
    </message>
    <message>
        <source>Local port:</source>
        <translation>Port local :</translation>
    </message>
    <message>
        <source>Choose or type the pod's port (1 to 65535).</source>
        <translation>Choisissez ou saisissez le port du pod (1 à 65535).</translation>
    </message>
    <message>
        <source>http://127.0.0.1:%1 will reach port %2 of %3.</source>
        <translation>http://127.0.0.1:%1 atteindra le port %2 de %3.</translation>
    </message>
    <message>
        <source>A free local port will reach port %1 of %2.</source>
        <translation>Un port local libre atteindra le port %1 de %2.</translation>
    </message>
</context>
<context>
    <name>Orrery::PortForwardListModel</name>
    <message>
        <source>%1 open, %2 in all</source>
        <translation>%1 ouvertes, %2 au total</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Listening (last error: %1)</source>
        <translation>En écoute (dernière erreur : %1)</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>En écoute</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexte</translation>
    </message>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Local address</source>
        <translation>Adresse locale</translation>
    </message>
    <message>
        <source>Pod port</source>
        <translation>Port du pod</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>Orrery::PortForwardOperation</name>
    <message>
        <source>Port forward to %1</source>
        <translation>Redirection de port vers %1</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Rediriger</translation>
    </message>
    <message>
        <source>Cannot forward the port</source>
        <translation>Impossible de rediriger le port</translation>
    </message>
    <message>
        <source>Forwarding port %1 of %2…</source>
        <translation>Redirection du port %1 de %2…</translation>
    </message>
    <message>
        <source>unable to forward port because pod is not running. Current status=%1</source>
        <translation>impossible de rediriger le port car le pod n'est pas en cours d'exécution. État actuel=%1</translation>
    </message>
    <message>
        <source>Invalid port number %1: must be between 1 and 65535</source>
        <translation>Numéro de port %1 non valide : doit être compris entre 1 et 65535</translation>
    </message>
    <message>
        <source>Invalid local port %1: must be between 0 and 65535</source>
        <translation>Port local %1 non valide : doit être compris entre 0 et 65535</translation>
    </message>
    <message>
        <source>a free port of 127.0.0.1</source>
        <translation>un port libre de 127.0.0.1</translation>
    </message>
    <message>
        <source>Forward %1 to port %2 of pod %3/%4</source>
        <translation>Rediriger %1 vers le port %2 du pod %3/%4</translation>
    </message>
    <message>
        <source>%1: not allowed</source>
        <translation>%1 : non autorisé</translation>
    </message>
    <message>
        <source>%1: not opened</source>
        <translation>%1 : non ouvert</translation>
    </message>
    <message>
        <source>%1: listening on 127.0.0.1:%2</source>
        <translation>%1 : en écoute sur 127.0.0.1:%2</translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation>%1 : échec : %2</translation>
    </message>
    <message numerus="yes">
        <source>ok: stopped after %n connection(s) on 127.0.0.1:%1</source>
        <translation>
            <numerusform>ok : arrêté après %n connexion sur 127.0.0.1:%1</numerusform><numerusform>ok : arrêté après %n connexions sur 127.0.0.1:%1</numerusform></translation>
    </message>
</context>
<context>
    <name>Orrery::PortForwardStream</name>
    <message>
        <source>the API server sent on channel %1, which this forward does not have</source>
        <translation>le serveur d'API a envoyé sur le canal %1, que cette redirection ne possède pas</translation>
    </message>
    <message>
        <source>the API server opened the stream for another port</source>
        <translation>le serveur d'API a ouvert le flux pour un autre port</translation>
    </message>
</context>
<context>
    <name>Orrery::PortForwardsPanel</name>
    <message>
        <source>Open in Browser</source>
        <translation>Ouvrir dans le navigateur</translation>
    </message>
    <message>
        <source>Copy Address</source>
        <translation>Copier l'adresse</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
</context>
<context>
    <name>Orrery::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>The language applies the next time Orrery starts.</source>
        <translation>La langue s’applique au prochain démarrage d’Orrery.</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème :</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>found automatically</source>
        <translation>trouvé automatiquement</translation>
    </message>
    <message>
        <source>A URL (http://127.0.0.1:9090) or a Service reached through the API server, as namespace/name:port (monitoring/prometheus-operated:9090)</source>
        <translation>Une URL (http://127.0.0.1:9090) ou un Service joint via le serveur d'API, sous la forme namespace/name:port (monitoring/prometheus-operated:9090)</translation>
    </message>
    <message>
        <source>&amp;Prometheus:</source>
        <translation>&amp;Prometheus :</translation>
    </message>
    <message>
        <source>&amp;Alertmanager:</source>
        <translation>&amp;Alertmanager :</translation>
    </message>
    <message>
        <source>Monitoring of context %1</source>
        <translation>Supervision du contexte %1</translation>
    </message>
    <message>
        <source>Saved for this context; the charts use it at once.</source>
        <translation>Enregistré pour ce contexte ; les graphiques l'utilisent immédiatement.</translation>
    </message>
</context>
<context>
    <name>Orrery::PresenterWindow</name>
    <message>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>Running and ready</source>
        <translation>En cours d'exécution et prêt</translation>
    </message>
    <message>
        <source>Starting, rolling out, scaling</source>
        <translation>Démarrage, déploiement, mise à l'échelle</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>Dégradé</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>En échec</translation>
    </message>
    <message>
        <source>Terminating</source>
        <translation>En cours d'arrêt</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Traffic to ready pods</source>
        <translation>Trafic vers les pods prêts</translation>
    </message>
    <message>
        <source>Orrery — Presenter</source>
        <translation>Orrery — Présentation</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Niveau</translation>
    </message>
</context>
<context>
    <name>Orrery::ProblemNotifier</name>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Rollout stalled on %1</source>
        <translation>Déploiement progressif bloqué sur %1</translation>
    </message>
    <message>
        <source>Rollout failing on %1</source>
        <translation>Déploiement progressif en échec sur %1</translation>
    </message>
    <message>
        <source>%1/%2 in %3</source>
        <translation>%1/%2 dans %3</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more)</source>
        <translation>
            <numerusform>(et %n autre)</numerusform><numerusform>(et %n autres)</numerusform></translation>
    </message>
    <message>
        <source>Orrery</source>
        <translation>Orrery</translation>
    </message>
</context>
<context>
    <name>Orrery::ProblemRules</name>
    <message>
        <source>Container %1 cannot pull its image %2</source>
        <translation>Le conteneur %1 ne peut pas récupérer son image %2</translation>
    </message>
    <message numerus="yes">
        <source>Container %1 keeps crashing (%n restart(s))</source>
        <translation>
            <numerusform>Le conteneur %1 plante en boucle (%n redémarrage)</numerusform><numerusform>Le conteneur %1 plante en boucle (%n redémarrages)</numerusform></translation>
    </message>
    <message>
        <source>Container %1 cannot start (%2)</source>
        <translation>Le conteneur %1 ne peut pas démarrer (%2)</translation>
    </message>
    <message>
        <source>No node can run this pod</source>
        <translation>Aucun nœud ne peut exécuter ce pod</translation>
    </message>
    <message>
        <source>No node can run this pod: %1</source>
        <translation>Aucun nœud ne peut exécuter ce pod : %1</translation>
    </message>
    <message>
        <source>The pod failed</source>
        <translation>Le pod a échoué</translation>
    </message>
    <message>
        <source>The node is not ready: %1</source>
        <translation>Le nœud n'est pas prêt : %1</translation>
    </message>
    <message>
        <source>The node is not ready</source>
        <translation>Le nœud n'est pas prêt</translation>
    </message>
    <message>
        <source>The job failed</source>
        <translation>Le job a échoué</translation>
    </message>
    <message>
        <source>The autoscaler cannot scale: %1</source>
        <translation>L'autoscaler ne peut pas mettre à l'échelle : %1</translation>
    </message>
    <message>
        <source>The autoscaler cannot change the scale: %1</source>
        <translation>L'autoscaler ne peut pas modifier l'échelle : %1</translation>
    </message>
    <message>
        <source>The rollout is stalled: %1</source>
        <translation>Le déploiement progressif est bloqué : %1</translation>
    </message>
    <message numerus="yes">
        <source>The rollout of revision %1 is failing: %n new pod(s) fail, %2 %3: %4</source>
        <translation>
            <numerusform>Le déploiement progressif de la révision %1 échoue : %n nouveau pod en échec, %2 %3 : %4</numerusform><numerusform>Le déploiement progressif de la révision %1 échoue : %n nouveaux pods en échec, %2 %3 : %4</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The rollout is failing: %n pod(s) fail, %1 %2: %3</source>
        <translation>
            <numerusform>Le déploiement progressif échoue : %n pod en échec, %1 %2 : %3</numerusform><numerusform>Le déploiement progressif échoue : %n pods en échec, %1 %2 : %3</numerusform></translation>
    </message>
</context>
<context>
    <name>Orrery::ProblemTableModel</name>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>SEVERITY</source>
        <translation>GRAVITÉ</translation>
    </message>
    <message>
        <source>CONTEXT</source>
        <translation>CONTEXTE</translation>
    </message>
    <message>
        <source>OBJECT</source>
        <translation>OBJECT</translation>
    </message>
    <message>
        <source>NAMESPACE</source>
        <translation>NAMESPACE</translation>
    </message>
    <message>
        <source>REASON</source>
        <translation>REASON</translation>
    </message>
    <message>
        <source>SINCE</source>
        <translation>DEPUIS</translation>
    </message>
    <message>
        <source>MESSAGE</source>
        <translation>MESSAGE</translation>
    </message>
</context>
<context>
    <name>Orrery::ProblemsPage</name>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>All connected contexts</source>
        <translation>Tous les contextes connectés</translation>
    </message>
    <message>
        <source>Show the problems of every connected context, not only the active one</source>
        <translation>Afficher les problèmes de tous les contextes connectés, pas seulement du contexte actif</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s), %1 critical</source>
        <translation>
            <numerusform>%n problème, dont %1 critique</numerusform><numerusform>%n problèmes, dont %1 critique(s)</numerusform></translation>
    </message>
    <message>
        <source>(the first %1 listed)</source>
        <translation>(les %1 premiers listés)</translation>
    </message>
    <message>
        <source>any connected context</source>
        <translation>les contextes connectés</translation>
    </message>
    <message>
        <source>Connect to a context to see its problems.</source>
        <translation>Connectez-vous à un contexte pour voir ses problèmes.</translation>
    </message>
    <message>
        <source>No problems in %1: no failing rollouts, crash loops, image pull errors, unschedulable pods, failing autoscalers, nodes not ready or failed jobs.</source>
        <translation>Aucun problème dans %1 : aucun déploiement progressif en échec, plantage en boucle, erreur de récupération d'image, pod non planifiable, autoscaler en échec, nœud non prêt ni job échoué.</translation>
    </message>
</context>
<context>
    <name>Orrery::RailwayAccount</name>
    <message>
        <source>the Railway CLI's config is larger than %1</source>
        <translation>la configuration de la CLI Railway dépasse %1</translation>
    </message>
    <message>
        <source>the Railway CLI's config is not JSON</source>
        <translation>la configuration de la CLI Railway n'est pas du JSON</translation>
    </message>
    <message>
        <source>the Railway CLI is not logged in</source>
        <translation>la CLI Railway n'est pas connectée</translation>
    </message>
    <message>
        <source>run `railway login`, or set RAILWAY_API_TOKEN</source>
        <translation>exécutez `railway login` ou définissez RAILWAY_API_TOKEN</translation>
    </message>
    <message>
        <source>the Railway CLI's token is implausibly long</source>
        <translation>le jeton de la CLI Railway est anormalement long</translation>
    </message>
    <message>
        <source>no Railway token</source>
        <translation>aucun jeton Railway</translation>
    </message>
    <message>
        <source>set RAILWAY_API_TOKEN (an account or workspace token) or RAILWAY_TOKEN (a project token), or run `railway login`</source>
        <translation>définissez RAILWAY_API_TOKEN (un jeton de compte ou d'espace de travail) ou RAILWAY_TOKEN (un jeton de projet), ou exécutez `railway login`</translation>
    </message>
    <message>
        <source>cannot read the Railway CLI's config</source>
        <translation>impossible de lire la configuration de la CLI Railway</translation>
    </message>
    <message>
        <source>Railway (%1)</source>
        <translation>Railway (%1)</translation>
    </message>
    <message>
        <source>project token of %1 / %2</source>
        <translation>jeton de projet de %1 / %2</translation>
    </message>
    <message>
        <source>Railway: %1</source>
        <translation>Railway : %1</translation>
    </message>
    <message>
        <source>the Railway CLI's login expired: run `railway login`</source>
        <translation>la connexion de la CLI Railway a expiré : exécutez `railway login`</translation>
    </message>
    <message>
        <source>Railway runs apps, not Kubernetes clusters: %1 has no kubeconfig entry</source>
        <translation>Railway exécute des applications, pas des clusters Kubernetes : %1 n'a pas d'entrée kubeconfig</translation>
    </message>
    <message>
        <source>Railway runs apps, not Kubernetes clusters: %1 cannot be connected to</source>
        <translation>Railway exécute des applications, pas des clusters Kubernetes : impossible de se connecter à %1</translation>
    </message>
    <message>
        <source>the environment of %1 is not in its project any more</source>
        <translation>l'environnement de %1 ne fait plus partie de son projet</translation>
    </message>
</context>
<context>
    <name>Orrery::RailwayAppActions</name>
    <message>
        <source>Roll back to %1</source>
        <translation>Revenir à %1</translation>
    </message>
    <message>
        <source>Roll back to %1 (%2)</source>
        <translation>Revenir à %1 (%2)</translation>
    </message>
</context>
<context>
    <name>Orrery::RailwayClient</name>
    <message>
        <source>Railway user</source>
        <translation>Utilisateur Railway</translation>
    </message>
    <message>
        <source>Railway project token</source>
        <translation>Jeton de projet Railway</translation>
    </message>
    <message>
        <source>Railway projects</source>
        <translation>Projets Railway</translation>
    </message>
    <message>
        <source>Railway projects of workspace %1</source>
        <translation>Projets Railway de l'espace de travail %1</translation>
    </message>
    <message>
        <source>Railway project %1</source>
        <translation>Projet Railway %1</translation>
    </message>
    <message>
        <source>Railway deployments</source>
        <translation>Déploiements Railway</translation>
    </message>
    <message>
        <source>Railway service %1</source>
        <translation>Service Railway %1</translation>
    </message>
</context>
<context>
    <name>Orrery::RailwayOperation</name>
    <message>
        <source>Redeploy</source>
        <translation>Redéployer</translation>
    </message>
    <message>
        <source>Roll back…</source>
        <translation>Revenir en arrière…</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Redémarrer</translation>
    </message>
    <message>
        <source>deployment %1 (%2)</source>
        <translation>déploiement %1 (%2)</translation>
    </message>
    <message>
        <source>deployment %1 (%2, %3)</source>
        <translation>déploiement %1 (%2, %3)</translation>
    </message>
    <message>
        <source>Redeploy %1</source>
        <translation>Redéployer %1</translation>
    </message>
    <message>
        <source>Roll back %1</source>
        <translation>Revenir en arrière sur %1</translation>
    </message>
    <message>
        <source>Restart %1</source>
        <translation>Redémarrer %1</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Revenir en arrière</translation>
    </message>
    <message>
        <source>Cannot redeploy</source>
        <translation>Impossible de redéployer</translation>
    </message>
    <message>
        <source>Cannot roll back</source>
        <translation>Impossible de revenir en arrière</translation>
    </message>
    <message>
        <source>Cannot restart</source>
        <translation>Impossible de redémarrer</translation>
    </message>
    <message>
        <source>no Railway account is connected</source>
        <translation>aucun compte Railway n'est connecté</translation>
    </message>
    <message>
        <source>%1 already runs %2.</source>
        <translation>%1 exécute déjà %2.</translation>
    </message>
    <message>
        <source>Say which Railway service (environment and service) to act on.</source>
        <translation>Indiquez sur quel service Railway (environnement et service) agir.</translation>
    </message>
    <message>
        <source>%1 has no earlier deployment Railway can roll back to.</source>
        <translation>%1 n'a aucun déploiement antérieur auquel Railway peut revenir.</translation>
    </message>
    <message>
        <source>Deployment %1 is not one of %2's.</source>
        <translation>Le déploiement %1 n'appartient pas à %2.</translation>
    </message>
    <message>
        <source>%1 has no deployment yet.</source>
        <translation>%1 n'a encore aucun déploiement.</translation>
    </message>
    <message>
        <source>Railway cannot roll %1 back to %2: only an earlier deployment that ran and was replaced can be rolled back to.</source>
        <translation>Railway ne peut pas ramener %1 à %2 : seul un déploiement antérieur qui a été exécuté puis remplacé peut être restauré.</translation>
    </message>
    <message>
        <source>Roll back Railway service %1 (%2) to %3</source>
        <translation>Ramener le service Railway %1 (%2) à %3</translation>
    </message>
    <message>
        <source>Railway cannot redeploy %1 now (%2).</source>
        <translation>Railway ne peut pas redéployer %1 pour le moment (%2).</translation>
    </message>
    <message>
        <source>Redeploy Railway service %1 (%2) from %3</source>
        <translation>Redéployer le service Railway %1 (%2) à partir de %3</translation>
    </message>
    <message>
        <source>%1 is not running (%2): only a running deployment can be restarted.</source>
        <translation>%1 n'est pas en cours d'exécution (%2) : seul un déploiement en cours d'exécution peut être redémarré.</translation>
    </message>
    <message>
        <source>Restart Railway service %1 (%2): %3</source>
        <translation>Redémarrer le service Railway %1 (%2) : %3</translation>
    </message>
    <message>
        <source>It runs %1 now.</source>
        <translation>Il exécute actuellement %1.</translation>
    </message>
    <message>
        <source>Its latest deployment failed: %1.</source>
        <translation>Son dernier déploiement a échoué : %1.</translation>
    </message>
    <message>
        <source>Railway has no dry run; the deployment and what Railway allows for it (canRollback, canRedeploy, status) were checked here and nothing was sent.</source>
        <translation>Railway n'a pas de simulation (dry run) ; le déploiement et ce que Railway autorise pour celui-ci (canRollback, canRedeploy, status) ont été vérifiés ici et rien n'a été envoyé.</translation>
    </message>
    <message>
        <source>Railway could not be reached: %1</source>
        <translation>Impossible de joindre Railway : %1</translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation>%1 : échec : %2</translation>
    </message>
    <message>
        <source>Railway answered false</source>
        <translation>Railway a répondu false</translation>
    </message>
    <message>
        <source>Railway refused: %1</source>
        <translation>Railway a refusé : %1</translation>
    </message>
    <message>
        <source>%1: done (%2)</source>
        <translation>%1 : terminé (%2)</translation>
    </message>
    <message>
        <source>, new deployment %1</source>
        <translation>, nouveau déploiement %1</translation>
    </message>
    <message>
        <source>Roll back to the deployment that ran before (%1)</source>
        <translation>Revenir au déploiement exécuté précédemment (%1)</translation>
    </message>
</context>
<context>
    <name>Orrery::RailwayResponse</name>
    <message>
        <source>Railway is rate limiting this token (HTTP 429)</source>
        <translation>Railway limite le débit de ce jeton (HTTP 429)</translation>
    </message>
    <message>
        <source>Railway answered HTTP %1</source>
        <translation>Railway a répondu HTTP %1</translation>
    </message>
    <message>
        <source>Railway refused the token (HTTP %1)</source>
        <translation>Railway a refusé le jeton (HTTP %1)</translation>
    </message>
    <message>
        <source>HTTP %1: Railway's answer is not a GraphQL answer</source>
        <translation>HTTP %1 : la réponse de Railway n'est pas une réponse GraphQL</translation>
    </message>
    <message>
        <source>Railway answered with an error</source>
        <translation>Railway a répondu par une erreur</translation>
    </message>
    <message>
        <source>the token does not give access to this project or environment</source>
        <translation>le jeton ne donne pas accès à ce projet ou à cet environnement</translation>
    </message>
    <message>
        <source>check RAILWAY_API_TOKEN / RAILWAY_TOKEN, or run `railway login`</source>
        <translation>vérifiez RAILWAY_API_TOKEN / RAILWAY_TOKEN, ou exécutez `railway login`</translation>
    </message>
    <message>
        <source>HTTP %1: Railway's answer has no data</source>
        <translation>HTTP %1 : la réponse de Railway ne contient aucune donnée</translation>
    </message>
    <message>
        <source>Railway's answer names no user</source>
        <translation>la réponse de Railway n'indique aucun utilisateur</translation>
    </message>
    <message>
        <source>Railway's answer names no project token</source>
        <translation>la réponse de Railway n'indique aucun jeton de projet</translation>
    </message>
    <message>
        <source>Railway's answer has no projects</source>
        <translation>la réponse de Railway ne contient aucun projet</translation>
    </message>
    <message>
        <source>Railway's answer has no project</source>
        <translation>la réponse de Railway ne contient pas de projet</translation>
    </message>
    <message>
        <source>Railway's answer has no deployments</source>
        <translation>la réponse de Railway ne contient aucun déploiement</translation>
    </message>
    <message>
        <source>Railway's answer has no service instance</source>
        <translation>la réponse de Railway ne contient aucune instance de service</translation>
    </message>
    <message>
        <source>Railway's answer to %1 is not a Boolean</source>
        <translation>la réponse de Railway à %1 n'est pas un booléen</translation>
    </message>
    <message>
        <source>Railway's answer to deploymentRedeploy has no deployment</source>
        <translation>la réponse de Railway à deploymentRedeploy ne contient aucun déploiement</translation>
    </message>
    <message>
        <source>http %1: %2</source>
        <translation>http %1 : %2</translation>
    </message>
    <message>
        <source>passing</source>
        <translation>réussi</translation>
    </message>
    <message>
        <source>failing</source>
        <translation>en échec</translation>
    </message>
</context>
<context>
    <name>Orrery::ResourceBrowser</name>
    <message>
        <source>Filter by name, or a label selector like app=web,tier!=db  (Ctrl+F)</source>
        <translation>Filtrer par nom, ou par un sélecteur de labels comme app=web,tier!=db  (Ctrl+F)</translation>
    </message>
    <message>
        <source>No cluster selected</source>
        <translation>Aucun cluster sélectionné</translation>
    </message>
    <message>
        <source>Choose a context on the left to connect.</source>
        <translation>Choisissez un contexte à gauche pour vous connecter.</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>This context is disconnected.</source>
        <translation>Ce contexte est déconnecté.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Se reconnecter</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Chargement des %1…</translation>
    </message>
    <message>
        <source>Nothing matches the filter "%1".</source>
        <translation>Rien ne correspond au filtre « %1 ».</translation>
    </message>
    <message>
        <source>There are none in the selected namespaces (%1).</source>
        <translation>Aucun dans les espaces de noms sélectionnés (%1).</translation>
    </message>
    <message>
        <source>The cluster has none.</source>
        <translation>Le cluster n'en contient aucun.</translation>
    </message>
    <message>
        <source>No %1</source>
        <translation>Pas de %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message numerus="yes">
        <source>Refreshing %1… %2 of about %Ln</source>
        <translation>
            <numerusform>Actualisation des %1… %2 sur environ %Ln</numerusform><numerusform>Actualisation des %1… %2 sur environ %Ln</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Loading %1… %2 of about %Ln</source>
        <translation>
            <numerusform>Chargement des %1… %2 sur environ %Ln</numerusform><numerusform>Chargement des %1… %2 sur environ %Ln</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Refreshing %1… %Ln so far</source>
        <translation>
            <numerusform>Actualisation des %1… %Ln pour l'instant</numerusform><numerusform>Actualisation des %1… %Ln pour l'instant</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Loading %1… %Ln so far</source>
        <translation>
            <numerusform>Chargement des %1… %Ln pour l'instant</numerusform><numerusform>Chargement des %1… %Ln pour l'instant</numerusform></translation>
    </message>
</context>
<context>
    <name>Orrery::ResourceColumns</name>
    <message>
        <source>LAST SEEN</source>
        <translation>LAST SEEN</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>TYPE</translation>
    </message>
    <message>
        <source>REASON</source>
        <translation>REASON</translation>
    </message>
    <message>
        <source>OBJECT</source>
        <translation>OBJECT</translation>
    </message>
    <message>
        <source>MESSAGE</source>
        <translation>MESSAGE</translation>
    </message>
    <message>
        <source>COUNT</source>
        <translation>COUNT</translation>
    </message>
    <message>
        <source>READY</source>
        <translation>READY</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>RESTARTS</source>
        <translation>RESTARTS</translation>
    </message>
    <message>
        <source>NODE</source>
        <translation>NODE</translation>
    </message>
    <message>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <source>UP-TO-DATE</source>
        <translation>UP-TO-DATE</translation>
    </message>
    <message>
        <source>AVAILABLE</source>
        <translation>AVAILABLE</translation>
    </message>
    <message>
        <source>IMAGES</source>
        <translation>IMAGES</translation>
    </message>
    <message>
        <source>DESIRED</source>
        <translation>DESIRED</translation>
    </message>
    <message>
        <source>CURRENT</source>
        <translation>CURRENT</translation>
    </message>
    <message>
        <source>COMPLETIONS</source>
        <translation>COMPLETIONS</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>DURATION</translation>
    </message>
    <message>
        <source>SCHEDULE</source>
        <translation>SCHEDULE</translation>
    </message>
    <message>
        <source>TIMEZONE</source>
        <translation>TIMEZONE</translation>
    </message>
    <message>
        <source>SUSPEND</source>
        <translation>SUSPEND</translation>
    </message>
    <message>
        <source>ACTIVE</source>
        <translation>ACTIVE</translation>
    </message>
    <message>
        <source>LAST SCHEDULE</source>
        <translation>LAST SCHEDULE</translation>
    </message>
    <message>
        <source>CLUSTER-IP</source>
        <translation>CLUSTER-IP</translation>
    </message>
    <message>
        <source>EXTERNAL-IP</source>
        <translation>EXTERNAL-IP</translation>
    </message>
    <message>
        <source>PORT(S)</source>
        <translation>PORT(S)</translation>
    </message>
    <message>
        <source>SELECTOR</source>
        <translation>SELECTOR</translation>
    </message>
    <message>
        <source>CLASS</source>
        <translation>CLASS</translation>
    </message>
    <message>
        <source>HOSTS</source>
        <translation>HOSTS</translation>
    </message>
    <message>
        <source>PATHS → BACKENDS</source>
        <translation>PATHS → BACKENDS</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>ADDRESS</translation>
    </message>
    <message>
        <source>REFERENCE</source>
        <translation>REFERENCE</translation>
    </message>
    <message>
        <source>TARGETS</source>
        <translation>TARGETS</translation>
    </message>
    <message>
        <source>MINPODS</source>
        <translation>MINPODS</translation>
    </message>
    <message>
        <source>MAXPODS</source>
        <translation>MAXPODS</translation>
    </message>
    <message>
        <source>REPLICAS</source>
        <translation>REPLICAS</translation>
    </message>
    <message>
        <source>VOLUME</source>
        <translation>VOLUME</translation>
    </message>
    <message>
        <source>CAPACITY</source>
        <translation>CAPACITY</translation>
    </message>
    <message>
        <source>ACCESS MODES</source>
        <translation>ACCESS MODES</translation>
    </message>
    <message>
        <source>STORAGECLASS</source>
        <translation>STORAGECLASS</translation>
    </message>
    <message>
        <source>RECLAIM POLICY</source>
        <translation>RECLAIM POLICY</translation>
    </message>
    <message>
        <source>CLAIM</source>
        <translation>CLAIM</translation>
    </message>
    <message>
        <source>DATA</source>
        <translation>DATA</translation>
    </message>
    <message>
        <source>KEYS</source>
        <translation>KEYS</translation>
    </message>
    <message>
        <source>ROLES</source>
        <translation>ROLES</translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation>VERSION</translation>
    </message>
    <message>
        <source>INTERNAL-IP</source>
        <translation>INTERNAL-IP</translation>
    </message>
    <message>
        <source>OS-IMAGE</source>
        <translation>OS-IMAGE</translation>
    </message>
    <message>
        <source>CONTAINER-RUNTIME</source>
        <translation>CONTAINER-RUNTIME</translation>
    </message>
    <message>
        <source>ENDPOINTS</source>
        <translation>ENDPOINTS</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>NAMESPACE</source>
        <translation>NAMESPACE</translation>
    </message>
    <message>
        <source>AGE</source>
        <translation>AGE</translation>
    </message>
    <message>
        <source>FIRST SEEN</source>
        <translation>PREMIÈRE APPARITION</translation>
    </message>
</context>
<context>
    <name>Orrery::ResourceMetrics</name>
    <message>
        <source>the metrics answer is not a JSON object</source>
        <translation>la réponse des métriques n'est pas un objet JSON</translation>
    </message>
    <message>
        <source>expected a %1, the server answered a %2</source>
        <translation>%1 attendu, le serveur a répondu par un %2</translation>
    </message>
    <message>
        <source>%1 "%2" is not a quantity</source>
        <translation>%1 « %2 » n'est pas une quantité</translation>
    </message>
    <message>
        <source>item %1</source>
        <translation>élément %1</translation>
    </message>
    <message>
        <source>the list has more than %1 items; the rest is left out</source>
        <translation>la liste compte plus de %1 éléments ; le reste est ignoré</translation>
    </message>
    <message>
        <source>%1: no metadata.name</source>
        <translation>%1 : pas de metadata.name</translation>
    </message>
    <message>
        <source>more than %1 containers</source>
        <translation>plus de %1 conteneurs</translation>
    </message>
    <message>
        <source>the containers' usage does not add up to a number Orrery can hold</source>
        <translation>la somme de l'utilisation des conteneurs dépasse ce qu'Orrery peut représenter</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>Orrery::ResourceNavigator</name>
    <message>
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation>Deployments</translation>
    </message>
    <message>
        <source>StatefulSets</source>
        <translation>StatefulSets</translation>
    </message>
    <message>
        <source>DaemonSets</source>
        <translation>DaemonSets</translation>
    </message>
    <message>
        <source>ReplicaSets</source>
        <translation>ReplicaSets</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>CronJobs</source>
        <translation>CronJobs</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpoints</translation>
    </message>
    <message>
        <source>Ingresses</source>
        <translation>Ingresses</translation>
    </message>
    <message>
        <source>Autoscalers (HPA)</source>
        <translation>Autoscalers (HPA)</translation>
    </message>
    <message>
        <source>ConfigMaps</source>
        <translation>ConfigMaps</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Secrets</translation>
    </message>
    <message>
        <source>Persistent Volume Claims</source>
        <translation>Persistent Volume Claims</translation>
    </message>
    <message>
        <source>Persistent Volumes</source>
        <translation>Persistent Volumes</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Nodes</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>Namespaces</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Controller Revisions</source>
        <translation>Controller Revisions</translation>
    </message>
    <message>
        <source>Workloads</source>
        <translation>Charges de travail</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>Config and Storage</source>
        <translation>Configuration et stockage</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s): see the Problems page</source>
        <translation>
            <numerusform>%n problème : voir la page Problèmes</numerusform><numerusform>%n problèmes : voir la page Problèmes</numerusform></translation>
    </message>
</context>
<context>
    <name>Orrery::RestartOperation</name>
    <message>
        <source>Restart %1</source>
        <translation>Redémarrer %1</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Redémarrer</translation>
    </message>
    <message>
        <source>Cannot restart</source>
        <translation>Impossible de redémarrer</translation>
    </message>
</context>
<context>
    <name>Orrery::RevisionHistory</name>
    <message>
        <source>revision %1</source>
        <translation>révision %1</translation>
    </message>
    <message>
        <source>Select a revision.</source>
        <translation>Sélectionnez une révision.</translation>
    </message>
    <message>
        <source>This is the revision running now.</source>
        <translation>C'est la révision en cours d'exécution.</translation>
    </message>
    <message>
        <source>The pod templates are identical: rolling back changes nothing (kubectl skips it).</source>
        <translation>Les modèles de pod sont identiques : revenir en arrière ne change rien (kubectl l'ignore).</translation>
    </message>
    <message>
        <source>Previous revision: %1 (%2), the one `kubectl rollout undo` picks: the newest revision before the one running. After a rollback or a second change, that is the revision just left, even a broken one; select another to go further back.</source>
        <translation>Révision précédente : %1 (%2), celle que choisit `kubectl rollout undo` : la révision la plus récente avant celle en cours d'exécution. Après un retour arrière ou une seconde modification, c'est la révision que l'on vient de quitter, même défectueuse ; sélectionnez-en une autre pour remonter plus loin.</translation>
    </message>
</context>
<context>
    <name>Orrery::RevisionListModel</name>
    <message>
        <source>%1 (current)</source>
        <translation>%1 (actuelle)</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Révision</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Change cause</source>
        <translation>Cause du changement</translation>
    </message>
</context>
<context>
    <name>Orrery::RollbackDialog</name>
    <message>
        <source>Roll back %1</source>
        <translation>Revenir en arrière sur %1</translation>
    </message>
    <message>
        <source>Revisions of %1, newest first. The diff shows what changes in the pod template when rolling back to the selected revision.</source>
        <translation>Révisions de %1, de la plus récente à la plus ancienne. Les différences montrent ce qui change dans le modèle de pod en revenant à la révision sélectionnée.</translation>
    </message>
    <message>
        <source>Previous revision</source>
        <translation>Révision précédente</translation>
    </message>
    <message>
        <source>Select the revision `kubectl rollout undo` would choose.</source>
        <translation>Sélectionner la révision que choisirait `kubectl rollout undo`.</translation>
    </message>
    <message>
        <source>Roll back…</source>
        <translation>Revenir en arrière…</translation>
    </message>
    <message>
        <source>Roll back to %1…</source>
        <translation>Revenir à %1…</translation>
    </message>
</context>
<context>
    <name>Orrery::RollbackOperation</name>
    <message>
        <source>No revision history.</source>
        <translation>Aucun historique de révisions.</translation>
    </message>
    <message>
        <source>Roll back %1 to revision %2</source>
        <translation>Ramener %1 à la révision %2</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Revenir en arrière</translation>
    </message>
    <message>
        <source>Cannot roll back</source>
        <translation>Impossible de revenir en arrière</translation>
    </message>
    <message>
        <source>Rolled back %1/%2 to revision %3 (was %4).</source>
        <translation>%1/%2 ramené à la révision %3 (auparavant %4).</translation>
    </message>
</context>
<context>
    <name>Orrery::RolloutStatus</name>
    <message>
        <source>no status viewer has been implemented for %1</source>
        <translation>aucun affichage d'état n'est implémenté pour %1</translation>
    </message>
</context>
<context>
    <name>Orrery::RolloutTracker</name>
    <message>
        <source>Rollout of %1 %2/%3</source>
        <translation>Déploiement progressif de %1 %2/%3</translation>
    </message>
    <message>
        <source>Stop following and dismiss</source>
        <translation>Arrêter le suivi et fermer</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Revenir en arrière</translation>
    </message>
    <message>
        <source>Undo to the previous revision (asks for confirmation).</source>
        <translation>Revenir à la révision précédente (demande une confirmation).</translation>
    </message>
</context>
<context>
    <name>Orrery::RolloutWatch</name>
    <message>
        <source>Waiting for the first status…</source>
        <translation>En attente du premier état…</translation>
    </message>
    <message>
        <source>Stopped following: the cluster was disconnected.</source>
        <translation>Suivi arrêté : le cluster a été déconnecté.</translation>
    </message>
    <message>
        <source>Stopped following after %1 minutes without a verdict: %2</source>
        <translation>Suivi arrêté après %1 minutes sans verdict : %2</translation>
    </message>
    <message>
        <source>%1 %2 no longer exists.</source>
        <translation>%1 %2 n'existe plus.</translation>
    </message>
    <message>
        <source>Could not read the status: %1</source>
        <translation>Impossible de lire l'état : %1</translation>
    </message>
    <message>
        <source>Rollout failed.</source>
        <translation>Échec du déploiement progressif.</translation>
    </message>
    <message>
        <source>%1/%2: %3 %4</source>
        <translation>%1/%2 : %3 %4</translation>
    </message>
</context>
<context>
    <name>Orrery::RunbookCaptionOverlay</name>
    <message>
        <source>Step %1 / %2</source>
        <translation>Étape %1 / %2</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Suivante : %1</translation>
    </message>
    <message>
        <source>%1 — running…</source>
        <translation>%1 — en cours…</translation>
    </message>
    <message>
        <source>✗ Step %1 failed: %2</source>
        <translation>✗ L'étape %1 a échoué : %2</translation>
    </message>
    <message>
        <source>… %1 (now: %2)</source>
        <translation>… %1 (actuellement : %2)</translation>
    </message>
    <message>
        <source>✗ %1 (observed: %2)</source>
        <translation>✗ %1 (observé : %2)</translation>
    </message>
</context>
<context>
    <name>Orrery::RunbookExpectation</name>
    <message>
        <source>pods of %1: %2</source>
        <translation>pods de %1 : %2</translation>
    </message>
    <message>
        <source>every pod of %1 %2</source>
        <translation>tous les pods de %1 en %2</translation>
    </message>
    <message>
        <source>pods of %1 in %2: %3</source>
        <translation>pods de %1 en %2 : %3</translation>
    </message>
    <message>
        <source>rollout of %1 complete</source>
        <translation>déploiement progressif de %1 terminé</translation>
    </message>
    <message>
        <source>%1 replicas of %2: %3</source>
        <translation>répliques %1 de %2 : %3</translation>
    </message>
    <message>
        <source>image of %1 is %2</source>
        <translation>l'image de %1 est %2</translation>
    </message>
    <message>
        <source>image of %1, container %2, is %3</source>
        <translation>l'image de %1, conteneur %2, est %3</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>révision %1</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>statut %1</translation>
    </message>
    <message>
        <source>Helm release %1: %2</source>
        <translation>Release Helm %1 : %2</translation>
    </message>
</context>
<context>
    <name>Orrery::RunbookParser</name>
    <message>
        <source>unknown runbook field "%1"</source>
        <translation>champ de runbook inconnu « %1 »</translation>
    </message>
    <message>
        <source>a runbook needs a non-empty list of steps</source>
        <translation>un runbook nécessite une liste d'étapes non vide</translation>
    </message>
    <message>
        <source>Invalid YAML: %1</source>
        <translation>YAML invalide : %1</translation>
    </message>
    <message>
        <source>Cannot read the runbook: %1</source>
        <translation>Impossible de lire le runbook : %1</translation>
    </message>
</context>
<context>
    <name>Orrery::RunbookPlayer</name>
    <message>
        <source>Open runbook…</source>
        <translation>Ouvrir un runbook…</translation>
    </message>
    <message>
        <source>Start…</source>
        <translation>Démarrer…</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Étape suivante</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Runbook player</source>
        <translation>Lecteur de runbooks</translation>
    </message>
    <message>
        <source>The runbooks shipped for this context's demo scenario</source>
        <translation>Les runbooks fournis pour le scénario de démonstration de ce contexte</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Runs the next step (Right, Space or Page Down; presentation clickers send Page Down)</source>
        <translation>Exécute l'étape suivante (Droite, Espace ou Page suivante ; les télécommandes de présentation envoient Page suivante)</translation>
    </message>
    <message>
        <source>No shipped runbook for this context</source>
        <translation>Aucun runbook fourni pour ce contexte</translation>
    </message>
    <message numerus="yes">
        <source>Shipped runbooks (%n)</source>
        <translation>
            <numerusform>Runbooks fournis (%n)</numerusform><numerusform>Runbooks fournis (%n)</numerusform></translation>
    </message>
    <message>
        <source>Open runbook</source>
        <translation>Ouvrir un runbook</translation>
    </message>
    <message>
        <source>Runbooks (*.yaml *.yml);;All files (*)</source>
        <translation>Runbooks (*.yaml *.yml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>(pinned to context %1)</source>
        <translation>(lié au contexte %1)</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s). Start to play them one by one.</source>
        <translation>
            <numerusform>%n étape(s). Démarrez pour les exécuter une par une.</numerusform><numerusform>%n étape(s). Démarrez pour les exécuter une par une.</numerusform></translation>
    </message>
    <message>
        <source>Line %1 of %2</source>
        <translation>Ligne %1 de %2</translation>
    </message>
    <message numerus="yes">
        <source>Play "%1": %n step(s)</source>
        <translation>
            <numerusform>Exécuter "%1" : %n étape(s)</numerusform><numerusform>Exécuter "%1" : %n étape(s)</numerusform></translation>
    </message>
    <message>
        <source>No step changes the cluster.</source>
        <translation>Aucune étape ne modifie le cluster.</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) change the cluster, each when you press Next:</source>
        <translation>
            <numerusform>%n étape(s) modifie(nt) le cluster, chacune lorsque vous appuyez sur Suivant :</numerusform><numerusform>%n étape(s) modifie(nt) le cluster, chacune lorsque vous appuyez sur Suivant :</numerusform></translation>
    </message>
    <message>
        <source>Connect to a cluster first.</source>
        <translation>Connectez-vous d'abord à un cluster.</translation>
    </message>
    <message>
        <source>Runbook</source>
        <translation>Runbook</translation>
    </message>
    <message>
        <source>Play runbook</source>
        <translation>Exécuter le runbook</translation>
    </message>
    <message>
        <source>Start runbook</source>
        <translation>Démarrer le runbook</translation>
    </message>
    <message>
        <source>Started on %1. Press Next (Right, Space, Page Down) for each step.</source>
        <translation>Démarré sur %1. Appuyez sur Suivant (Droite, Espace, Page suivante) pour chaque étape.</translation>
    </message>
    <message>
        <source>next</source>
        <translation>suivante</translation>
    </message>
    <message>
        <source>Next: %1 — press Next step (Right, Space, Page Down).</source>
        <translation>Suivante : %1 — appuyez sur Étape suivante (Droite, Espace, Page suivante).</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>en cours…</translation>
    </message>
    <message>
        <source>Runbook finished: every step succeeded.</source>
        <translation>Runbook terminé : toutes les étapes ont réussi.</translation>
    </message>
    <message>
        <source>Stopped at step %1: %2</source>
        <translation>Arrêté à l'étape %1 : %2</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Arrêté.</translation>
    </message>
    <message>
        <source>A step whose writes cannot be recorded is not sent. Free some disk space or fix the permissions of %1.</source>
        <translation>Une étape dont les écritures ne peuvent pas être enregistrées n'est pas envoyée. Libérez de l'espace disque ou corrigez les permissions de %1.</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Présenter</translation>
    </message>
    <message>
        <source>Play on the live diagram, full screen, with the captions over it (F5); the same keys run the steps</source>
        <translation>Jouer sur le diagramme en direct, en plein écran, avec les légendes par-dessus (F5) ; les mêmes touches exécutent les étapes</translation>
    </message>
    <message>
        <source>Expect %1</source>
        <translation>Attendu : %1</translation>
    </message>
    <message>
        <source>Within %1 s; line %2 of %3</source>
        <translation>Sous %1 s ; ligne %2 de %3</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>vérification…</translation>
    </message>
    <message>
        <source>holds</source>
        <translation>satisfaite</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échouée</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>Orrery::RunbookRunner</name>
    <message>
        <source>No cluster to run the step on.</source>
        <translation>Aucun cluster sur lequel exécuter l'étape.</translation>
    </message>
    <message>
        <source>The runbook is pinned to context "%1"; it refuses to run against "%2".</source>
        <translation>Le runbook est lié au contexte "%1" ; il refuse de s'exécuter sur "%2".</translation>
    </message>
    <message>
        <source>Context "%1" reaches a protected cluster and step %2 (line %3) changes it; nothing was sent.</source>
        <translation>Le contexte « %1 » atteint un cluster protégé et l'étape %2 (ligne %3) le modifie ; rien n'a été envoyé.</translation>
    </message>
    <message>
        <source>--yes-i-mean names "%1", but the runbook would run against context "%2" on a protected cluster; nothing was sent.</source>
        <translation>--yes-i-mean nomme « %1 », mais le runbook s'exécuterait sur le contexte « %2 » d'un cluster protégé ; rien n'a été envoyé.</translation>
    </message>
    <message>
        <source>to write to it anyway, repeat the context name: --yes-i-mean %1</source>
        <translation>pour y écrire quand même, répétez le nom du contexte : --yes-i-mean %1</translation>
    </message>
    <message>
        <source>no cluster state to check it against</source>
        <translation>aucun état du cluster auquel la comparer</translation>
    </message>
    <message>
        <source>expected %1 within %2 s (line %3); observed: %4</source>
        <translation>attendu : %1 sous %2 s (ligne %3) ; observé : %4</translation>
    </message>
</context>
<context>
    <name>Orrery::ScaleDialog</name>
    <message>
        <source>Scale %1</source>
        <translation>Mettre %1 à l'échelle</translation>
    </message>
    <message>
        <source>Minimum replicas:</source>
        <translation>Réplicas minimum :</translation>
    </message>
    <message>
        <source>Maximum replicas:</source>
        <translation>Réplicas maximum :</translation>
    </message>
    <message>
        <source>Replicas (now %1):</source>
        <translation>Réplicas (actuellement %1) :</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Examiner…</translation>
    </message>
    <message>
        <source>Checking permission…</source>
        <translation>Vérification de la permission…</translation>
    </message>
</context>
<context>
    <name>Orrery::ScaleOperation</name>
    <message>
        <source>Scale %1</source>
        <translation>Mettre %1 à l'échelle</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Mettre à l'échelle</translation>
    </message>
    <message>
        <source>Cannot scale</source>
        <translation>Impossible de mettre à l'échelle</translation>
    </message>
    <message>
        <source>Scaled %1/%2 to %3 replicas (was %4).</source>
        <translation>%1/%2 mis à l'échelle à %3 réplicas (auparavant %4).</translation>
    </message>
    <message>
        <source>The HorizontalPodAutoscaler %1 controls the replicas of %2 (min %3, max %4, now %5). A manual scale would be undone within seconds, so change the autoscaler's bounds instead.</source>
        <translation>Le HorizontalPodAutoscaler %1 contrôle les réplicas de %2 (min %3, max %4, actuellement %5). Une mise à l'échelle manuelle serait annulée en quelques secondes ; modifiez plutôt les limites de l'autoscaler.</translation>
    </message>
</context>
<context>
    <name>Orrery::ServerSideApply</name>
    <message>
        <source>A document is not a Kubernetes object.</source>
        <translation>Un document n'est pas un objet Kubernetes.</translation>
    </message>
    <message>
        <source>The object has no apiVersion or kind.</source>
        <translation>L'objet n'a pas d'apiVersion ou de kind.</translation>
    </message>
    <message>
        <source>The %1 has no metadata.name.</source>
        <translation>L'objet %1 n'a pas de metadata.name.</translation>
    </message>
    <message>
        <source>The server does not serve %1 in %2.</source>
        <translation>Le serveur ne fournit pas %1 dans %2.</translation>
    </message>
    <message>
        <source>Install its CustomResourceDefinition first, or refresh discovery.</source>
        <translation>Installez d'abord sa CustomResourceDefinition, ou actualisez la découverte.</translation>
    </message>
    <message>
        <source>Apply %1 %2 (server dry run)</source>
        <translation>Appliquer %1 %2 (simulation côté serveur)</translation>
    </message>
    <message>
        <source>Apply %1 %2</source>
        <translation>Appliquer %1 %2</translation>
    </message>
    <message>
        <source>document %1</source>
        <translation>document %1</translation>
    </message>
    <message>
        <source>The file holds no objects.</source>
        <translation>Le fichier ne contient aucun objet.</translation>
    </message>
    <message>
        <source>another manager</source>
        <translation>un autre gestionnaire</translation>
    </message>
    <message>
        <source>Apply failed: 1 field is managed by someone else.</source>
        <translation>Échec de l'application : 1 champ est géré par quelqu'un d'autre.</translation>
    </message>
    <message>
        <source>Apply failed: %1 fields are managed by someone else.</source>
        <translation>Échec de l'application : %1 champs sont gérés par quelqu'un d'autre.</translation>
    </message>
    <message>
        <source>  "%1" manages %2</source>
        <translation>  « %1 » gère %2</translation>
    </message>
    <message>
        <source>Apply again with "force" to take these fields over, remove them from your manifest so they keep their current manager, or set them to the current values to share ownership.</source>
        <translation>Appliquez de nouveau avec « force » pour prendre le contrôle de ces champs, retirez-les de votre manifeste pour qu'ils gardent leur gestionnaire actuel, ou donnez-leur les valeurs actuelles pour en partager la propriété.</translation>
    </message>
</context>
<context>
    <name>Orrery::SessionManager</name>
    <message numerus="yes">
        <source>the computer woke up or its clock jumped by %n s</source>
        <translation>
            <numerusform>l'ordinateur est sorti de veille ou son horloge a sauté de %n s</numerusform><numerusform>l'ordinateur est sorti de veille ou son horloge a sauté de %n s</numerusform></translation>
    </message>
    <message>
        <source>the network came back</source>
        <translation>le réseau est revenu</translation>
    </message>
    <message>
        <source>reloading: %1</source>
        <translation>rechargement : %1</translation>
    </message>
</context>
<context>
    <name>Orrery::SetImageDialog</name>
    <message>
        <source>Set image of %1</source>
        <translation>Définir l'image de %1</translation>
    </message>
    <message>
        <source>%1 (init)</source>
        <translation>%1 (init)</translation>
    </message>
    <message>
        <source>Container:</source>
        <translation>Conteneur :</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>Image :</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Examiner…</translation>
    </message>
</context>
<context>
    <name>Orrery::SetImageOperation</name>
    <message>
        <source>%1 has no containers.</source>
        <translation>%1 n'a aucun conteneur.</translation>
    </message>
    <message>
        <source>Set image of %1</source>
        <translation>Définir l'image de %1</translation>
    </message>
    <message>
        <source>Set image</source>
        <translation>Définir l'image</translation>
    </message>
    <message>
        <source>Cannot set the image</source>
        <translation>Impossible de définir l'image</translation>
    </message>
    <message>
        <source>Set the image of %1 in %2/%3 to %4 (was %5).</source>
        <translation>Image de %1 dans %2/%3 définie à %4 (auparavant %5).</translation>
    </message>
</context>
<context>
    <name>Orrery::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Up, Down, Page Up, Page Down</source>
        <translation>Haut, Bas, Page précédente, Page suivante</translation>
    </message>
    <message>
        <source>Move in the table</source>
        <translation>Se déplacer dans le tableau</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Open the selected object's details</source>
        <translation>Ouvrir les détails de l'objet sélectionné</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Clés</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Down, Enter (in the filter)</source>
        <translation>Bas, Entrée (dans le filtre)</translation>
    </message>
    <message>
        <source>Move from the filter into the rows</source>
        <translation>Passer du filtre aux lignes</translation>
    </message>
</context>
<context>
    <name>Orrery::SilenceDialog</name>
    <message>
        <source>Silence %1</source>
        <translation>Mettre en sourdine %1</translation>
    </message>
    <message>
        <source>Alertmanager mutes every alert whose labels match all the checked matchers. Uncheck a label to silence more alerts (for example every pod of a workload).</source>
        <translation>Alertmanager met en sourdine toute alerte dont les labels correspondent à tous les critères cochés. Décochez un label pour mettre en sourdine davantage d'alertes (par exemple tous les pods d'une charge de travail).</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15 minutes</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 heure</translation>
    </message>
    <message>
        <source>2 hours</source>
        <translation>2 heures</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 heures</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 jour</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 semaine</translation>
    </message>
    <message>
        <source>Why (required by Alertmanager), e.g. "load test, ticket OPS-12"</source>
        <translation>Pourquoi (exigé par Alertmanager), p. ex. « test de charge, ticket OPS-12 »</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Durée :</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Commentaire :</translation>
    </message>
    <message>
        <source>Created by:</source>
        <translation>Créé par :</translation>
    </message>
    <message>
        <source>Silence…</source>
        <translation>Mettre en sourdine…</translation>
    </message>
</context>
<context>
    <name>Orrery::StreamOperation</name>
    <message>
        <source>the API server allows it (a stream has no server dry run: the permission was checked).</source>
        <translation>le serveur d'API l'autorise (un flux n'a pas de simulation côté serveur : l'autorisation a été vérifiée).</translation>
    </message>
</context>
<context>
    <name>Orrery::TimeSeriesChart</name>
    <message>
        <source>Time range</source>
        <translation>Plage temporelle</translation>
    </message>
    <message>
        <source>15 min</source>
        <translation>15 min</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <source>6 h</source>
        <translation>6 h</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 j</translation>
    </message>
    <message>
        <source>No data yet.</source>
        <translation>Pas encore de données.</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>Enregistrer en PNG…</translation>
    </message>
    <message>
        <source>Time Range</source>
        <translation>Plage temporelle</translation>
    </message>
    <message>
        <source>Save Chart as PNG</source>
        <translation>Enregistrer le graphique en PNG</translation>
    </message>
    <message>
        <source>chart.png</source>
        <translation>graphique.png</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
</context>
<context>
    <name>Orrery::TopologyAggregateItem</name>
    <message numerus="yes">
        <source>%n workload(s)</source>
        <translation>
            <numerusform>%n charge de travail</numerusform><numerusform>%n charges de travail</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n Service(s)</source>
        <translation>
            <numerusform>%n Service</numerusform><numerusform>%n Services</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s)</source>
        <translation>
            <numerusform>%n pod</numerusform><numerusform>%n pods</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n failing</source>
        <translation>
            <numerusform>%n en échec</numerusform><numerusform>%n en échec</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n not ready</source>
        <translation>
            <numerusform>%n non prêt</numerusform><numerusform>%n non prêts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n en attente</numerusform><numerusform>%n en attente</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n terminating</source>
        <translation>
            <numerusform>%n en arrêt</numerusform><numerusform>%n en arrêt</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n en cours</numerusform><numerusform>%n en cours</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n completed</source>
        <translation>
            <numerusform>%n terminé</numerusform><numerusform>%n terminés</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n unknown</source>
        <translation>
            <numerusform>%n inconnu</numerusform><numerusform>%n inconnus</numerusform></translation>
    </message>
</context>
<context>
    <name>Orrery::TopologyBuilder</name>
    <message>
        <source>revision %1</source>
        <translation>révision %1</translation>
    </message>
    <message>
        <source>rolling out: %1 of %2 updated</source>
        <translation>déploiement en cours : %1 sur %2 mis à jour</translation>
    </message>
    <message>
        <source>%1 active, %2 succeeded, %3 failed</source>
        <translation>%1 actifs, %2 réussis, %3 en échec</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>suspendu</translation>
    </message>
    <message numerus="yes">
        <source>%n active</source>
        <translation>
            <numerusform>%n actif</numerusform><numerusform>%n actifs</numerusform></translation>
    </message>
    <message>
        <source>address pending</source>
        <translation>adresse en attente</translation>
    </message>
    <message>
        <source>any host</source>
        <translation>tout hôte</translation>
    </message>
    <message>
        <source>HTTP(S)</source>
        <translation>HTTP(S)</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n clé</numerusform><numerusform>%n clés</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s)</source>
        <translation>
            <numerusform>%n pod</numerusform><numerusform>%n pods</numerusform></translation>
    </message>
    <message>
        <source>node %1</source>
        <translation>nœud %1</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>non planifié</translation>
    </message>
</context>
<context>
    <name>Orrery::TopologyMinimap</name>
    <message>
        <source>Overview: click to move there</source>
        <translation>Vue d'ensemble : cliquez pour vous y déplacer</translation>
    </message>
</context>
<context>
    <name>Orrery::TopologyNodeItem</name>
    <message>
        <source>Status: %1</source>
        <translation>État : %1</translation>
    </message>
    <message>
        <source>Ready: %1/%2 containers</source>
        <translation>Prêts : %1/%2 conteneurs</translation>
    </message>
    <message>
        <source>Restarts: %1</source>
        <translation>Redémarrages : %1</translation>
    </message>
    <message>
        <source>Ready: %1 of %2</source>
        <translation>Prêts : %1 sur %2</translation>
    </message>
    <message>
        <source>Application: %1</source>
        <translation>Application : %1</translation>
    </message>
    <message>
        <source>Usage: %1% of request</source>
        <translation>Utilisation : %1% de la requête</translation>
    </message>
    <message numerus="yes">
        <source>%n firing alert(s)</source>
        <translation>
            <numerusform>%n alerte déclenchée</numerusform><numerusform>%n alertes déclenchées</numerusform></translation>
    </message>
</context>
<context>
    <name>Orrery::TopologyPage</name>
    <message>
        <source>External entries</source>
        <translation>Entrées externes</translation>
    </message>
    <message>
        <source>Ingresses</source>
        <translation>Ingresses</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Autoscalers</source>
        <translation>Autoscalers</translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation>Deployments</translation>
    </message>
    <message>
        <source>StatefulSets</source>
        <translation>StatefulSets</translation>
    </message>
    <message>
        <source>DaemonSets</source>
        <translation>DaemonSets</translation>
    </message>
    <message>
        <source>CronJobs</source>
        <translation>CronJobs</translation>
    </message>
    <message>
        <source>ReplicaSets</source>
        <translation>ReplicaSets</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <source>Volume claims</source>
        <translation>Volume claims</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>Volumes</translation>
    </message>
    <message>
        <source>Find in topology (Enter: next match)</source>
        <translation>Rechercher dans la topologie (Entrée : correspondance suivante)</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n correspondance</numerusform><numerusform>%n correspondances</numerusform></translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Aucune correspondance</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Zoom avant (+)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Zoom arrière (-)</translation>
    </message>
    <message>
        <source>Relayout</source>
        <translation>Réorganiser</translation>
    </message>
    <message>
        <source>Lay the diagram out again from scratch</source>
        <translation>Réorganiser entièrement la disposition du diagramme</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filtres</translation>
    </message>
    <message>
        <source>Which kinds, namespaces and health to show</source>
        <translation>Types, espaces de noms et états de santé à afficher</translation>
    </message>
    <message>
        <source>Only unhealthy (with neighbours)</source>
        <translation>Seulement les objets en mauvaise santé (avec leurs voisins)</translation>
    </message>
    <message>
        <source>Hide system namespaces</source>
        <translation>Masquer les espaces de noms système</translation>
    </message>
    <message>
        <source>Show ConfigMaps and Secrets</source>
        <translation>Afficher les ConfigMaps et les Secrets</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>Types</translation>
    </message>
    <message>
        <source>Label selector, e.g. app=web</source>
        <translation>Sélecteur de labels, par ex. app=web</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Save the diagram as PNG, SVG or JSON</source>
        <translation>Enregistrer le diagramme en PNG, SVG ou JSON</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Présenter</translation>
    </message>
    <message>
        <source>Presenter mode (F5)</source>
        <translation>Mode présentation (F5)</translation>
    </message>
    <message>
        <source>Export topology</source>
        <translation>Exporter la topologie</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;JSON (*.json)</source>
        <translation>Image PNG (*.png);;Dessin SVG (*.svg);;JSON (*.json)</translation>
    </message>
    <message>
        <source>No topology to export.</source>
        <translation>Aucune topologie à exporter.</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exporté vers %1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Échec de l'export : %1</translation>
    </message>
    <message>
        <source>Group by node</source>
        <translation>Grouper par nœud</translation>
    </message>
    <message>
        <source>Box pods by the Kubernetes node they run on instead of by application</source>
        <translation>Regrouper les pods par node Kubernetes d'exécution plutôt que par application</translation>
    </message>
    <message>
        <source>Fit the diagram into the window at a zoom where names stay readable</source>
        <translation>Ajuster le diagramme à la fenêtre, à un zoom où les noms restent lisibles</translation>
    </message>
    <message>
        <source>Whole</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>Show the whole diagram, however small</source>
        <translation>Afficher tout le diagramme, aussi petit soit-il</translation>
    </message>
    <message>
        <source>Show logs</source>
        <translation>Afficher les journaux</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Afficher les détails</translation>
    </message>
    <message>
        <source>Topology: presenter mode (full screen)</source>
        <translation>Topologie : mode présentateur (plein écran)</translation>
    </message>
    <message>
        <source>Topology: search</source>
        <translation>Topologie : recherche</translation>
    </message>
    <message>
        <source>Heat</source>
        <translation>Chaleur</translation>
    </message>
    <message>
        <source>Colour pods, workloads and nodes by CPU or memory use against their requests (nodes: allocatable)</source>
        <translation>Colorer les pods, les charges de travail et les nœuds selon leur utilisation CPU ou mémoire par rapport à leurs requêtes (nœuds : capacité allouable)</translation>
    </message>
    <message>
        <source>No heat overlay</source>
        <translation>Aucune carte de chaleur</translation>
    </message>
    <message>
        <source>CPU of request</source>
        <translation>CPU de la requête</translation>
    </message>
    <message>
        <source>Memory of request</source>
        <translation>Mémoire de la requête</translation>
    </message>
    <message>
        <source>Heat: CPU</source>
        <translation>Chaleur : CPU</translation>
    </message>
    <message>
        <source>Heat: memory</source>
        <translation>Chaleur : mémoire</translation>
    </message>
    <message>
        <source>CPU use of request (nodes: of allocatable)</source>
        <translation>Utilisation CPU de la requête (nœuds : de la capacité allouable)</translation>
    </message>
    <message>
        <source>Memory use of request (nodes: of allocatable)</source>
        <translation>Utilisation mémoire de la requête (nœuds : de la capacité allouable)</translation>
    </message>
    <message>
        <source>Building the topology…</source>
        <translation>Construction de la topologie…</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>topology status: objects shown, objects needing attention</comment>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln objects</source>
        <translation>
            <numerusform>%Ln objet</numerusform><numerusform>%Ln objets</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln need attention</source>
        <translation>
            <numerusform>%Ln demande de l'attention</numerusform><numerusform>%Ln demandent de l'attention</numerusform></translation>
    </message>
</context>
<context>
    <name>Orrery::TopologyScene</name>
    <message>
        <source>Double-click or zoom in to show its objects</source>
        <translation>Double-cliquez ou zoomez pour afficher ses objets</translation>
    </message>
</context>
<context>
    <name>Orrery::TopologyView</name>
    <message>
        <source>Show logs</source>
        <translation>Afficher les journaux</translation>
    </message>
    <message>
        <source>Open shell</source>
        <translation>Ouvrir un shell</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Afficher les détails</translation>
    </message>
    <message>
        <source>Scale…</source>
        <translation>Mettre à l'échelle…</translation>
    </message>
    <message>
        <source>Restart rollout</source>
        <translation>Redémarrer le déploiement</translation>
    </message>
    <message>
        <source>Roll back…</source>
        <translation>Revenir en arrière…</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>Exécuter maintenant</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <source>Port forward…</source>
        <translation>Redirection de port…</translation>
    </message>
    <message>
        <source>Edit replica limits…</source>
        <translation>Modifier les limites de répliques…</translation>
    </message>
    <message>
        <source>Clear focus</source>
        <translation>Annuler le focus</translation>
    </message>
    <message>
        <source>Focus on neighbourhood</source>
        <translation>Se concentrer sur le voisinage</translation>
    </message>
    <message>
        <source>Expand pods</source>
        <translation>Développer les pods</translation>
    </message>
</context>
<context>
    <name>Orrery::UndoBanner</name>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>Orrery::WelcomePage</name>
    <message>
        <source>Welcome to Orrery</source>
        <translation>Bienvenue dans Orrery</translation>
    </message>
    <message>
        <source>See your Kubernetes clusters live: workloads, networking, storage and events, with changes that cannot go to the wrong cluster.</source>
        <translation>Suivez vos clusters Kubernetes en direct : charges de travail, réseau, stockage et événements, avec des modifications qui ne peuvent pas atteindre le mauvais cluster.</translation>
    </message>
    <message>
        <source>Open the demo cluster</source>
        <translation>Ouvrir le cluster de démonstration</translation>
    </message>
    <message>
        <source>A simulated cluster on this computer; nothing real is touched.</source>
        <translation>Un cluster simulé sur cet ordinateur ; rien de réel n'est modifié.</translation>
    </message>
    <message>
        <source>Open a kubeconfig file…</source>
        <translation>Ouvrir un fichier kubeconfig…</translation>
    </message>
    <message>
        <source>Use the clusters and credentials kubectl uses.</source>
        <translation>Utiliser les clusters et identifiants de kubectl.</translation>
    </message>
    <message>
        <source>Add a cloud account</source>
        <translation>Ajouter un compte cloud</translation>
    </message>
    <message>
        <source>AWS, Google Cloud, Azure</source>
        <translation>AWS, Google Cloud, Azure</translation>
    </message>
    <message>
        <source>Coming later</source>
        <translation>Bientôt disponible</translation>
    </message>
    <message>
        <source>Open Kubeconfig</source>
        <translation>Ouvrir un kubeconfig</translation>
    </message>
    <message>
        <source>Kubeconfig (config *.yaml *.yml *.conf);;All files (*)</source>
        <translation>Kubeconfig (config *.yaml *.yml *.conf);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>Orrery::WorkloadActions</name>
    <message>
        <source>The object has no kind or name.</source>
        <translation>L'objet n'a pas de kind ou de nom.</translation>
    </message>
    <message>
        <source>%1 is not a kind Orrery can change.</source>
        <translation>%1 n'est pas un type qu'Orrery peut modifier.</translation>
    </message>
    <message>
        <source>The replica count cannot be negative.</source>
        <translation>Le nombre de répliques ne peut pas être négatif.</translation>
    </message>
    <message>
        <source>A %1 cannot be scaled.</source>
        <translation>Un objet %1 ne peut pas être mis à l'échelle.</translation>
    </message>
    <message>
        <source>Scale %1 to %2 replicas</source>
        <translation>Mettre %1 à l'échelle à %2 réplicas</translation>
    </message>
    <message>
        <source>maxReplicas must be at least minReplicas, and minReplicas at least 1.</source>
        <translation>maxReplicas doit être au moins égal à minReplicas, et minReplicas au moins égal à 1.</translation>
    </message>
    <message>
        <source>Set %1 to scale between %2 and %3 replicas</source>
        <translation>Régler %1 pour une mise à l'échelle entre %2 et %3 répliques</translation>
    </message>
    <message>
        <source>restarting is not supported for %1</source>
        <translation>le redémarrage n'est pas pris en charge pour %1</translation>
    </message>
    <message>
        <source>can't restart paused deployment (run rollout resume first)</source>
        <translation>impossible de redémarrer un deployment en pause (exécutez d'abord rollout resume)</translation>
    </message>
    <message>
        <source>Restart the pods of %1</source>
        <translation>Redémarrer les pods de %1</translation>
    </message>
    <message>
        <source>pausing is not supported for %1</source>
        <translation>la mise en pause n'est pas prise en charge pour %1</translation>
    </message>
    <message>
        <source>deployment.apps/%1 is already paused</source>
        <translation>deployment.apps/%1 est déjà en pause</translation>
    </message>
    <message>
        <source>Pause the rollout of %1</source>
        <translation>Mettre en pause le déploiement de %1</translation>
    </message>
    <message>
        <source>resuming is not supported for %1</source>
        <translation>la reprise n'est pas prise en charge pour %1</translation>
    </message>
    <message>
        <source>deployment.apps/%1 is not paused</source>
        <translation>deployment.apps/%1 n'est pas en pause</translation>
    </message>
    <message>
        <source>Resume the rollout of %1</source>
        <translation>Reprendre le déploiement de %1</translation>
    </message>
    <message>
        <source>The image cannot be empty.</source>
        <translation>L'image ne peut pas être vide.</translation>
    </message>
    <message>
        <source>%1 has no pod template.</source>
        <translation>%1 n'a pas de modèle de pod.</translation>
    </message>
    <message>
        <source>unable to find container named "%1"</source>
        <translation>impossible de trouver le conteneur nommé « %1 »</translation>
    </message>
    <message>
        <source>Set the image of container %1 in %2 to %3</source>
        <translation>Définir l'image du conteneur %1 dans %2 sur %3</translation>
    </message>
    <message>
        <source>Delete %1 (%2 propagation)</source>
        <translation>Supprimer %1 (propagation %2)</translation>
    </message>
</context>
<context>
    <name>Orrery::YamlEditBar</name>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Review and Apply…</source>
        <translation>Vérifier et appliquer…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Show Differences</source>
        <translation>Afficher les différences</translation>
    </message>
    <message>
        <source>Edit this object's YAML in place (E)</source>
        <translation>Modifier le YAML de cet objet sur place (E)</translation>
    </message>
    <message>
        <source>Ask the server what would change (dry run), then confirm</source>
        <translation>Demander au serveur ce qui changerait (simulation), puis confirmer</translation>
    </message>
    <message>
        <source>Read the latest version of the object and edit that (your changes are dropped)</source>
        <translation>Lire la dernière version de l'objet et la modifier (vos modifications sont abandonnées)</translation>
    </message>
    <message>
        <source>What changed on the server since you started editing</source>
        <translation>Ce qui a changé sur le serveur depuis le début de votre modification</translation>
    </message>
    <message>
        <source>Secrets are not edited here: Orrery never reads their values</source>
        <translation>Les Secrets ne sont pas modifiés ici : Orrery ne lit jamais leurs valeurs</translation>
    </message>
    <message>
        <source>Reading %1 for editing…</source>
        <translation>Lecture de %1 pour modification…</translation>
    </message>
    <message>
        <source>Cannot edit: %1</source>
        <translation>Modification impossible : %1</translation>
    </message>
    <message>
        <source>Editing. managedFields and status are left out: the server writes them. Review and Apply shows the server's diff before anything is changed.</source>
        <translation>Modification en cours. managedFields et status sont omis : le serveur les écrit. Vérifier et appliquer affiche le diff du serveur avant toute modification.</translation>
    </message>
    <message>
        <source>Checking the edit with the server (dry run)…</source>
        <translation>Vérification de la modification auprès du serveur (simulation)…</translation>
    </message>
    <message>
        <source>Changed on the server</source>
        <translation>Modifié sur le serveur</translation>
    </message>
    <message>
        <source>What changed on the server since you started editing %1:</source>
        <translation>Ce qui a changé sur le serveur depuis le début de votre modification de %1 :</translation>
    </message>
</context>
<context>
    <name>Orrery::YamlJson</name>
    <message>
        <source>Invalid YAML: %1</source>
        <translation>YAML invalide : %1</translation>
    </message>
    <message>
        <source>Not valid UTF-8: byte 0x%1 at column %2.</source>
        <translation>UTF-8 invalide : octet 0x%1 à la colonne %2.</translation>
    </message>
    <message>
        <source>save it as UTF-8</source>
        <translation>enregistrez-le en UTF-8</translation>
    </message>
    <message>
        <source>Invalid YAML: unexpected content after the document (separate documents with a line "---")</source>
        <translation>YAML invalide : contenu inattendu après le document (séparez les documents par une ligne « --- »)</translation>
    </message>
</context>
<context>
    <name>PipelineFormat</name>
    <message>
        <source>%1s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1m %2s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En file d'attente</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Réussi</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échoué</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ignoré</translation>
    </message>
    <message>
        <source>child pipeline</source>
        <translation>pipeline enfant</translation>
    </message>
    <message>
        <source>downstream pipeline</source>
        <translation>pipeline aval</translation>
    </message>
    <message>
        <source>child pipeline #%1</source>
        <translation>pipeline enfant n°%1</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 n°%2</translation>
    </message>
</context>
<context>
    <name>PipelineHttp</name>
    <message>
        <source>%1 rejected the credentials: check the token</source>
        <translation>%1 a rejeté les identifiants : vérifiez le jeton</translation>
    </message>
    <message>
        <source>%1 refused: the token lacks the permission (or scope)</source>
        <translation>%1 a refusé : le jeton n'a pas l'autorisation (ou la portée)</translation>
    </message>
    <message>
        <source>HTTP %1: the answer is not %2</source>
        <translation>HTTP %1 : la réponse n'est pas du %2</translation>
    </message>
</context>
<context>
    <name>PipelineRunRef</name>
    <message>
        <source>use PROVIDER[@HOST]:SOURCE#RUN (github:owner/repo#123, gitlab:group/project#45, jenkins@HOST:folder/job#67) or file:RUN.json</source>
        <translation>utilisez PROVIDER[@HOST]:SOURCE#RUN (github:owner/repo#123, gitlab:group/project#45, jenkins@HOST:folder/job#67) ou file:RUN.json</translation>
    </message>
    <message>
        <source>no file named</source>
        <translation>aucun nom de fichier</translation>
    </message>
    <message>
        <source>no provider given</source>
        <translation>aucun fournisseur indiqué</translation>
    </message>
    <message>
        <source>no source given</source>
        <translation>aucune source indiquée</translation>
    </message>
    <message>
        <source>empty host</source>
        <translation>hôte vide</translation>
    </message>
    <message>
        <source>unknown provider "%1" (github, gitlab or jenkins)</source>
        <translation>fournisseur inconnu "%1" (github, gitlab ou jenkins)</translation>
    </message>
    <message>
        <source>no #RUN given</source>
        <translation>aucun #RUN indiqué</translation>
    </message>
    <message>
        <source>no run id after #</source>
        <translation>aucun identifiant d'exécution après #</translation>
    </message>
    <message>
        <source>Jenkins needs a host: jenkins@HOST:JOB#N</source>
        <translation>Jenkins nécessite un hôte : jenkins@HOST:JOB#N</translation>
    </message>
</context>
<context>
    <name>Pipelines</name>
    <message>
        <source>RUN</source>
        <translation>EXÉCUTION</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>BRANCH</source>
        <translation>BRANCHE</translation>
    </message>
    <message>
        <source>EVENT</source>
        <translation>ÉVÉNEMENT</translation>
    </message>
    <message>
        <source>COMMIT</source>
        <translation>COMMIT</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>DURATION</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>usage: orrery --pipelines --provider github|gitlab|jenkins --repo R|--job J [--host H] [--ca FILE] [--json] [--limit N]
       orrery --pipelines --demo --repo R [--json] [--limit N]</source>
        <translation>usage : orrery --pipelines --provider github|gitlab|jenkins --repo R|--job J [--host H] [--ca FILE] [--json] [--limit N]
       orrery --pipelines --demo --repo R [--json] [--limit N]</translation>
    </message>
    <message>
        <source>orrery: unknown provider "%1" (github, gitlab or jenkins)</source>
        <translation>orrery : fournisseur inconnu "%1" (github, gitlab ou jenkins)</translation>
    </message>
    <message>
        <source>orrery: --limit takes a number from 1 to 1000</source>
        <translation>orrery : --limit attend un nombre de 1 à 1000</translation>
    </message>
    <message>
        <source>orrery: say which runs to list with --repo or --job</source>
        <translation>orrery : indiquez les exécutions à lister avec --repo ou --job</translation>
    </message>
    <message>
        <source>orrery: the demo cluster could not start: %1</source>
        <translation>orrery: le cluster de démonstration n'a pas pu démarrer : %1</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>délai dépassé</translation>
    </message>
    <message>
        <source>orrery: the demo has no %1 source "%2" (it has: %3)</source>
        <translation>orrery : la démo n'a pas de source %1 "%2" (elle a : %3)</translation>
    </message>
    <message>
        <source>orrery: %1</source>
        <translation>orrery: %1</translation>
    </message>
    <message>
        <source>orrery: %1 did not answer in time</source>
        <translation>orrery : %1 n'a pas répondu à temps</translation>
    </message>
</context>
<context>
    <name>Play</name>
    <message>
        <source>orrery: %1</source>
        <translation>orrery: %1</translation>
    </message>
    <message>
        <source>Playing "%1" (%2 steps) against context %3</source>
        <translation>Exécution de "%1" (%2 étapes) sur le contexte %3</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>ÉCHEC</translation>
    </message>
    <message numerus="yes">
        <source>Runbook finished: %n step(s) succeeded.</source>
        <translation>
            <numerusform>Runbook terminé : %n étape(s) réussie(s).</numerusform><numerusform>Runbook terminé : %n étape(s) réussie(s).</numerusform></translation>
    </message>
    <message>
        <source>orrery: the runbook stopped at step %1 (line %2).</source>
        <translation>orrery: le runbook s'est arrêté à l'étape %1 (ligne %2).</translation>
    </message>
    <message>
        <source>orrery: context "%1": %2</source>
        <translation>orrery: contexte "%1" : %2</translation>
    </message>
    <message>
        <source>orrery: the demo cluster could not start: %1</source>
        <translation>orrery: le cluster de démonstration n'a pas pu démarrer : %1</translation>
    </message>
    <message>
        <source>orrery: demo context "%1": %2 (demo contexts: %3)</source>
        <translation>orrery: contexte de démonstration "%1" : %2 (contextes de démonstration : %3)</translation>
    </message>
    <message>
        <source>Context %1 reaches a protected cluster.</source>
        <translation>Le contexte %1 atteint un cluster protégé.</translation>
    </message>
    <message>
        <source>usage: orrery --play FILE --context NAME [--kubeconfig FILE] [--namespace NAME] [--yes-i-mean NAME]
       orrery --play FILE --demo [--context NAME]</source>
        <translation>usage : orrery --play FICHIER --context NOM [--kubeconfig FICHIER] [--namespace NOM] [--yes-i-mean NOM]
       orrery --play FICHIER --demo [--context NOM]</translation>
    </message>
    <message>
        <source>holds</source>
        <translation>satisfaite</translation>
    </message>
    <message>
        <source>not settled</source>
        <translation>non stabilisée</translation>
    </message>
</context>
<context>
    <name>PortForward</name>
    <message>
        <source>usage: orrery --port-forward CONTEXT/NAMESPACE/POD [LOCAL:]REMOTE [--kubeconfig FILE]  (LOCAL 0 or empty: any free port)</source>
        <translation>utilisation : orrery --port-forward CONTEXT/NAMESPACE/POD [LOCAL:]REMOTE [--kubeconfig FILE]  (LOCAL 0 ou vide : n'importe quel port libre)</translation>
    </message>
    <message>
        <source>orrery: context "%1": %2</source>
        <translation>orrery: contexte "%1" : %2</translation>
    </message>
    <message>
        <source>orrery: %1</source>
        <translation>orrery: %1</translation>
    </message>
    <message>
        <source>the API server did not answer</source>
        <translation>le serveur d'API n'a pas répondu</translation>
    </message>
    <message>
        <source>Forwarding from 127.0.0.1:%1 -&gt; %2</source>
        <translation>Redirection de 127.0.0.1:%1 -&gt; %2</translation>
    </message>
    <message>
        <source>Handling connection for %1</source>
        <translation>Traitement de la connexion pour %1</translation>
    </message>
    <message>
        <source>E: %1</source>
        <translation>E: %1</translation>
    </message>
</context>
<context>
    <name>PrometheusClient</name>
    <message>
        <source>a range query needs start &lt;= end and a positive step</source>
        <translation>une requête sur une plage nécessite start &lt;= end et un step positif</translation>
    </message>
</context>
<context>
    <name>PrometheusResponse</name>
    <message>
        <source>the answer has more than %1 %2; narrow the query or its time range</source>
        <translation>la réponse compte plus de %1 %2 ; restreignez la requête ou sa plage temporelle</translation>
    </message>
    <message>
        <source>HTTP %1: the answer is not a Prometheus API answer</source>
        <translation>HTTP %1 : la réponse n'est pas une réponse de l'API Prometheus</translation>
    </message>
    <message>
        <source>the answer has no result</source>
        <translation>la réponse ne contient aucun résultat</translation>
    </message>
    <message>
        <source>unknown result type "%1"</source>
        <translation>type de résultat « %1 » inconnu</translation>
    </message>
    <message>
        <source>series</source>
        <translation>séries</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>échantillons</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The Azure account of this cluster was removed.</source>
        <translation>Le compte Azure de ce cluster a été supprimé.</translation>
    </message>
    <message>
        <source>The AKS token cannot be waited for on the account's own thread.</source>
        <translation>Impossible d'attendre le jeton AKS sur le thread propre du compte.</translation>
    </message>
    <message>
        <source>No token for the AKS cluster within %1 s.</source>
        <translation>Aucun jeton pour le cluster AKS dans un délai de %1 s.</translation>
    </message>
</context>
<context>
    <name>Top</name>
    <message>
        <source>orrery: %1</source>
        <translation>orrery: %1</translation>
    </message>
    <message>
        <source>no answer in %1 s</source>
        <translation>pas de réponse en %1 s</translation>
    </message>
    <message>
        <source>orrery: left out: %1</source>
        <translation>orrery : omis : %1</translation>
    </message>
    <message>
        <source>No resources found</source>
        <translation>Aucune ressource trouvée</translation>
    </message>
    <message>
        <source>No resources found in %1 namespace.</source>
        <translation>Aucune ressource trouvée dans le namespace %1.</translation>
    </message>
    <message>
        <source>usage: orrery --top pods|nodes [--context NAME] [--kubeconfig FILE] [-n NAMESPACE | -A]</source>
        <translation>usage : orrery --top pods|nodes [--context NOM] [--kubeconfig FICHIER] [-n NAMESPACE | -A]</translation>
    </message>
    <message>
        <source>orrery: context "%1": %2</source>
        <translation>orrery: contexte "%1" : %2</translation>
    </message>
</context>
<context>
    <name>listcontexts</name>
    <message>
        <source>orrery: warning: %1</source>
        <translation>orrery : avertissement : %1</translation>
    </message>
    <message>
        <source>orrery: error: %1</source>
        <translation>orrery : erreur : %1</translation>
    </message>
    <message>
        <source>orrery: no kubeconfig file could be loaded (tried: %1)</source>
        <translation>orrery : aucun fichier kubeconfig n'a pu être chargé (essayé : %1)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Native Kubernetes cluster and deployment manager.</source>
        <translation>Gestionnaire natif de clusters et de déploiements Kubernetes.</translation>
    </message>
    <message>
        <source>Use only this kubeconfig file.</source>
        <translation>Utiliser uniquement ce fichier kubeconfig.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>Use this kubeconfig context.</source>
        <translation>Utiliser ce contexte kubeconfig.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>Print the merged kubeconfig contexts as JSON and exit.</source>
        <translation>Afficher les contextes kubeconfig fusionnés en JSON, puis quitter.</translation>
    </message>
    <message>
        <source>Check credentials, reachability, permissions and sync, then exit.</source>
        <translation>Vérifier identifiants, joignabilité, permissions et synchronisation, puis quitter.</translation>
    </message>
    <message>
        <source>Start on the embedded simulated demo cluster.</source>
        <translation>Démarrer sur le cluster de démonstration simulé intégré.</translation>
    </message>
    <message>
        <source>Limit to this namespace (repeatable).</source>
        <translation>Limiter à cet espace de noms (répétable).</translation>
    </message>
    <message>
        <source>Write the topology of --context to a .png, .svg or .json file and exit.</source>
        <translation>Écrire la topologie de --context dans un fichier .png, .svg ou .json, puis quitter.</translation>
    </message>
    <message>
        <source>Render the main window to a PNG file once data is loaded, then exit.</source>
        <translation>Rendre la fenêtre principale dans un fichier PNG une fois les données chargées, puis quitter.</translation>
    </message>
    <message>
        <source>With --screenshot: select the first object whose name starts with this.</source>
        <translation>Avec --screenshot : sélectionner le premier objet dont le nom commence par ceci.</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>onglet</translation>
    </message>
    <message>
        <source>Show the welcome screen instead of starting the demo when there is no kubeconfig.</source>
        <translation>Afficher l'écran d'accueil au lieu de démarrer la démo en l'absence de kubeconfig.</translation>
    </message>
    <message>
        <source>Run a runbook against --context (or the --demo cluster), print each step's outcome and exit.</source>
        <translation>Exécuter un runbook sur --context (ou le cluster --demo), afficher le résultat de chaque étape et quitter.</translation>
    </message>
    <message>
        <source>Start on this view once the context has synced: a kind (Deployment, pods…) or a page (Topology, Runbooks, "Helm releases", "Audit log").</source>
        <translation>Ouvrir cette vue une fois le contexte synchronisé : un type (Deployment, pods…) ou une page (Topology, Runbooks, "Helm releases", "Audit log").</translation>
    </message>
    <message>
        <source>kind|page</source>
        <translation>type|page</translation>
    </message>
    <message>
        <source>Use this look for this run: system, light or dark (the setting is kept otherwise).</source>
        <translation>Utiliser cette apparence pour cette exécution : system, light ou dark (le réglage est conservé sinon).</translation>
    </message>
    <message>
        <source>look</source>
        <translation>apparence</translation>
    </message>
    <message>
        <source>Use this language for this run: system, en or fr (the setting is kept otherwise).</source>
        <translation>Utiliser cette langue pour cette exécution : system, en ou fr (le réglage est conservé sinon).</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>orrery: unknown --language "%1"; use system, en or fr.</source>
        <translation>orrery : --language « %1 » inconnu ; utilisez system, en ou fr.</translation>
    </message>
    <message>
        <source>With --play: allow the runbook's writes on a protected cluster; repeat the context name.</source>
        <translation>Avec --play : autorise les écritures du runbook sur un cluster protégé ; répétez le nom du contexte.</translation>
    </message>
    <message>
        <source>context</source>
        <translation>contexte</translation>
    </message>
    <message>
        <source>With --top pods: every namespace.</source>
        <translation>Avec --top pods : tous les namespaces.</translation>
    </message>
    <message>
        <source>Print CPU and memory of pods or nodes of --context as `kubectl top` does, and exit.</source>
        <translation>Afficher le CPU et la mémoire des pods ou des nœuds de --context comme le fait `kubectl top`, puis quitter.</translation>
    </message>
    <message>
        <source>pods|nodes</source>
        <translation>pods|nodes</translation>
    </message>
    <message>
        <source>Manifest files (.yaml, .yml, .json) to open in "Apply manifests" once a context is connected.</source>
        <translation>Fichiers de manifestes (.yaml, .yml, .json) à ouvrir dans « Appliquer les manifestes » une fois un contexte connecté.</translation>
    </message>
    <message>
        <source>[manifest...]</source>
        <translation>[manifeste...]</translation>
    </message>
    <message>
        <source>With --screenshot: details tab to show (overview, yaml, events, logs, metrics).</source>
        <translation>Avec --screenshot : onglet de détails à afficher (overview, yaml, events, logs, metrics).</translation>
    </message>
    <message>
        <source>With --doctor or --alerts: print JSON instead of text.</source>
        <translation>Avec --doctor ou --alerts : afficher du JSON au lieu de texte.</translation>
    </message>
    <message>
        <source>Use this Prometheus for the context shown at start: a URL or namespace/name:port (kept as the context's setting, as in Preferences).</source>
        <translation>Utiliser ce Prometheus pour le contexte affiché au démarrage : une URL ou namespace/name:port (conservé comme réglage du contexte, comme dans les Préférences).</translation>
    </message>
    <message>
        <source>where</source>
        <translation>où</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>The window's size, e.g. 928x513 (with --screenshot: the small-window layout).</source>
        <translation>La taille de la fenêtre, par exemple 928x513 (avec --screenshot : la mise en page des petites fenêtres).</translation>
    </message>
    <message>
        <source>WIDTHxHEIGHT</source>
        <translation>LARGEURxHAUTEUR</translation>
    </message>
    <message>
        <source>Print the active alerts of --context's Alertmanager (--alertmanager, else the context's setting, else the one found among its Services) with the objects they attach to, and exit (--json: as JSON).</source>
        <translation>Affiche les alertes actives de l'Alertmanager du contexte --context (--alertmanager, sinon le réglage du contexte, sinon celui trouvé parmi ses Services) avec les objets auxquels elles se rattachent, puis quitte (--json : en JSON).</translation>
    </message>
    <message>
        <source>With --alerts: the Alertmanager, as an http(s) URL or service/NAMESPACE/NAME[:PORT] of --context (instead of the context's own).</source>
        <translation>Avec --alerts : l'Alertmanager, sous forme d'URL http(s) ou de service/NAMESPACE/NAME[:PORT] du contexte --context (au lieu de celui du contexte).</translation>
    </message>
    <message>
        <source>Write a pipeline run's diagram (.png, .svg) or the run (.json) to the file given after it, and exit. RUN: github:OWNER/REPO#ID, gitlab:PROJECT#ID, jenkins@HOST:JOB#N (PROVIDER@HOST for other hosts) or file:RUN.json.</source>
        <translation>Écrire le diagramme d'une exécution de pipeline (.png, .svg) ou l'exécution (.json) dans le fichier indiqué ensuite, puis quitter. RUN : github:OWNER/REPO#ID, gitlab:PROJECT#ID, jenkins@HOST:JOB#N (PROVIDER@HOST pour d'autres hôtes) ou file:RUN.json.</translation>
    </message>
    <message>
        <source>run</source>
        <translation>exécution</translation>
    </message>
    <message>
        <source>Print the newest runs of --repo or --job with their jobs (stages) and exit (--json: as JSON; --demo: the embedded simulator's GitHub).</source>
        <translation>Afficher les exécutions les plus récentes de --repo ou --job avec leurs tâches (étapes), puis quitter (--json : en JSON ; --demo : le GitHub du simulateur intégré).</translation>
    </message>
    <message>
        <source>With --pipelines: github, gitlab or jenkins.</source>
        <translation>Avec --pipelines : github, gitlab ou jenkins.</translation>
    </message>
    <message>
        <source>provider</source>
        <translation>fournisseur</translation>
    </message>
    <message>
        <source>With --pipelines: the repository or project (OWNER/REPO, GROUP/PROJECT).</source>
        <translation>Avec --pipelines : le dépôt ou le projet (OWNER/REPO, GROUP/PROJECT).</translation>
    </message>
    <message>
        <source>repo</source>
        <translation>dépôt</translation>
    </message>
    <message>
        <source>With --pipelines: the Jenkins job (FOLDER/JOB).</source>
        <translation>Avec --pipelines : la tâche Jenkins (FOLDER/JOB).</translation>
    </message>
    <message>
        <source>job</source>
        <translation>tâche</translation>
    </message>
    <message>
        <source>With --pipelines: the provider's host (HOST[:PORT] or the API's URL); default github.com or gitlab.com.</source>
        <translation>Avec --pipelines : l'hôte du fournisseur (HOST[:PORT] ou l'URL de l'API) ; par défaut github.com ou gitlab.com.</translation>
    </message>
    <message>
        <source>host</source>
        <translation>hôte</translation>
    </message>
    <message>
        <source>With --pipelines: a PEM file of the CA to trust for --host.</source>
        <translation>Avec --pipelines : un fichier PEM de l'autorité de certification à approuver pour --host.</translation>
    </message>
    <message>
        <source>With --pipelines: how many runs (default 20).</source>
        <translation>Avec --pipelines : nombre d'exécutions (20 par défaut).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Forward [LOCAL:]REMOTE (given after it) from 127.0.0.1 to the pod's port, as `kubectl port-forward` does, until interrupted.</source>
        <translation>Rediriger [LOCAL:]REMOTE (indiqué à la suite) de 127.0.0.1 vers le port du pod, comme le fait `kubectl port-forward`, jusqu'à interruption.</translation>
    </message>
    <message>
        <source>context/namespace/pod</source>
        <translation>contexte/namespace/pod</translation>
    </message>
    <message>
        <source>Print the cloud accounts (AWS profiles, Azure, Google Cloud, Fly.io, Railway) with their clusters and apps and exit (--json: as JSON; --demo: the embedded simulator's clouds).</source>
        <translation>Afficher les comptes cloud (profils AWS, Azure, Google Cloud, Fly.io, Railway) avec leurs clusters et applications, puis quitter (--json : au format JSON ; --demo : les clouds du simulateur intégré).</translation>
    </message>
    <message>
        <source>With --clouds or --add-to-kubeconfig: only this account (as --clouds prints it, e.g. aws:prod).</source>
        <translation>Avec --clouds ou --add-to-kubeconfig : uniquement ce compte (tel que --clouds l'affiche, p. ex. aws:prod).</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>Write a cloud cluster's context, cluster and user to the kubeconfig (--kubeconfig, else the first of KUBECONFIG or ~/.kube/config) as the provider's CLI would, with a backup, print the diff and exit.</source>
        <translation>Écrire le contexte, le cluster et l'utilisateur d'un cluster cloud dans le kubeconfig (--kubeconfig, sinon le premier de KUBECONFIG ou ~/.kube/config) comme le ferait la CLI du fournisseur, avec une sauvegarde, afficher le diff puis quitter.</translation>
    </message>
    <message>
        <source>ref</source>
        <translation>ref</translation>
    </message>
    <message>
        <source>With --screenshot: render this many milliseconds after the window is shown, synced or not (a table still filling).</source>
        <translation>Avec --screenshot : faire le rendu ce nombre de millisecondes après l'affichage de la fenêtre, synchronisée ou non (un tableau encore en cours de remplissage).</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
</context>
<context>
    <name>nlohmann</name>
    <message>
        <source>the YAML expands to more than %1 nodes (each use of an alias counts its anchored content again)</source>
        <translation>le YAML se déploie en plus de %1 nœuds (chaque usage d'un alias compte à nouveau son contenu ancré)</translation>
    </message>
    <message>
        <source>the YAML nests deeper than %1 levels (or an alias refers to itself)</source>
        <translation>le YAML s'imbrique sur plus de %1 niveaux (ou un alias se référence lui-même)</translation>
    </message>
    <message>
        <source>glab's config is larger than %1</source>
        <translation>la configuration de glab dépasse %1</translation>
    </message>
    <message>
        <source>glab's config is not valid YAML</source>
        <translation>la configuration de glab n'est pas du YAML valide</translation>
    </message>
</context>
</TS>
