<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>main</name>
    <message>
        <source>Orrery</source>
        <translation>Orrery</translation>
    </message>
    <message>
        <source>Native Kubernetes cluster and deployment manager.</source>
        <translation>Native Kubernetes cluster and deployment manager.</translation>
    </message>
    <message>
        <source>Use only this kubeconfig file.</source>
        <translation>Use only this kubeconfig file.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>Use this kubeconfig context.</source>
        <translation>Use this kubeconfig context.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>Print the merged kubeconfig contexts as JSON and exit.</source>
        <translation>Print the merged kubeconfig contexts as JSON and exit.</translation>
    </message>
    <message>
        <source>Check credentials, reachability, permissions and sync, then exit.</source>
        <translation>Check credentials, reachability, permissions and sync, then exit.</translation>
    </message>
    <message>
        <source>With --doctor: print JSON instead of text.</source>
        <translation>With --doctor: print JSON instead of text.</translation>
    </message>
    <message>
        <source>Start on the embedded simulated demo cluster.</source>
        <translation>Start on the embedded simulated demo cluster.</translation>
    </message>
    <message>
        <source>Limit to this namespace (repeatable).</source>
        <translation>Limit to this namespace (repeatable).</translation>
    </message>
    <message>
        <source>Write the topology of --context to a .png, .svg or .json file and exit.</source>
        <translation>Write the topology of --context to a .png, .svg or .json file and exit.</translation>
    </message>
    <message>
        <source>Render the main window to a PNG file once data is loaded, then exit.</source>
        <translation>Render the main window to a PNG file once data is loaded, then exit.</translation>
    </message>
</context>
</TS>
