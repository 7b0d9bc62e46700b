<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>main</name>
    <message>
        <source>Orrery</source>
        <translation>Orrery</translation>
    </message>
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
        <source>With --doctor: print JSON instead of text.</source>
        <translation>Avec --doctor : afficher du JSON au lieu de texte.</translation>
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
</context>
</TS>
