<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AlertmanagerEndpoint</name>
    <message>
        <source>"%1" is not an Alertmanager: give an http(s) URL (http://127.0.0.1:9093) or a Service (service/NAMESPACE/NAME[:PORT])</source>
        <translation>"%1" is not an Alertmanager: give an http(s) URL (http://127.0.0.1:9093) or a Service (service/NAMESPACE/NAME[:PORT])</translation>
    </message>
</context>
<context>
    <name>AlertmanagerResponse</name>
    <message>
        <source>alerts</source>
        <translation>alerts</translation>
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
        <translation>orrery: context "%1": %2</translation>
    </message>
    <message>
        <source>no answer in %1 s</source>
        <translation>no answer in %1 s</translation>
    </message>
    <message>
        <source>No active alerts at %1</source>
        <translation>No active alerts at %1</translation>
    </message>
    <message>
        <source>usage: orrery --alerts [--context NAME] [--kubeconfig FILE] [--alertmanager URL|service/NAMESPACE/NAME[:PORT]] [--json]</source>
        <translation>usage: orrery --alerts [--context NAME] [--kubeconfig FILE] [--alertmanager URL|service/NAMESPACE/NAME[:PORT]] [--json]</translation>
    </message>
    <message>
        <source>orrery: context "%1": Alertmanager setting: %2</source>
        <translation>orrery: context "%1": Alertmanager setting: %2</translation>
    </message>
    <message>
        <source>orrery: listing the Services of context "%1": %2</source>
        <translation>orrery: listing the Services of context "%1": %2</translation>
    </message>
    <message>
        <source>orrery: or name one with --alertmanager URL|service/NAMESPACE/NAME[:PORT]</source>
        <translation>orrery: or name one with --alertmanager URL|service/NAMESPACE/NAME[:PORT]</translation>
    </message>
</context>
<context>
    <name>AlertsUnavailable</name>
    <message>
        <source>no Alertmanager is set for this context (--alertmanager URL, or the context's monitoring settings)</source>
        <translation>no Alertmanager is set for this context (--alertmanager URL, or the context's monitoring settings)</translation>
    </message>
    <message>
        <source>Alertmanager at %1 could not be reached: %2</source>
        <translation>Alertmanager at %1 could not be reached: %2</translation>
    </message>
    <message>
        <source>forbidden: reaching Alertmanager through the API server needs the verb "get" on services/proxy in namespace "%1"</source>
        <translation>forbidden: reaching Alertmanager through the API server needs the verb "get" on services/proxy in namespace "%1"</translation>
    </message>
    <message>
        <source>forbidden: Alertmanager at %1 answered 403: %2</source>
        <translation>forbidden: Alertmanager at %1 answered 403: %2</translation>
    </message>
    <message>
        <source>no Alertmanager API v2 at %1 (HTTP 404: %2)</source>
        <translation>no Alertmanager API v2 at %1 (HTTP 404: %2)</translation>
    </message>
    <message>
        <source>Alertmanager at %1 answered HTTP %2: %3</source>
        <translation>Alertmanager at %1 answered HTTP %2: %3</translation>
    </message>
</context>
<context>
    <name>Clouds</name>
    <message>
        <source>orrery: the demo cluster could not start: %1</source>
        <translation>orrery: the demo cluster could not start: %1</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>timed out</translation>
    </message>
    <message>
        <source>orrery: no cloud account "%1" (found: %2)</source>
        <translation>orrery: no cloud account "%1" (found: %2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>orrery: no cloud credentials found (see docs/clouds.md: ~/.aws, az login, gcloud, FLY_API_TOKEN, RAILWAY_TOKEN)</source>
        <translation>orrery: no cloud credentials found (see docs/clouds.md: ~/.aws, az login, gcloud, FLY_API_TOKEN, RAILWAY_TOKEN)</translation>
    </message>
    <message>
        <source>orrery: the cloud accounts did not answer in time</source>
        <translation>orrery: the cloud accounts did not answer in time</translation>
    </message>
    <message numerus="yes">
        <source>token expires in %n min</source>
        <translation>
            <numerusform>token expires in %n min</numerusform>
            <numerusform>token expires in %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>error: %1</translation>
    </message>
    <message>
        <source>orrery: --add-to-kubeconfig takes a cluster's ref (its ARN, resource id or name, as --clouds prints it)</source>
        <translation>orrery: --add-to-kubeconfig takes a cluster's ref (its ARN, resource id or name, as --clouds prints it)</translation>
    </message>
    <message>
        <source>orrery: no cluster "%1" in the cloud accounts (orrery --clouds lists them; a name found in two accounts needs its ref)</source>
        <translation>orrery: no cluster "%1" in the cloud accounts (orrery --clouds lists them; a name found in two accounts needs its ref)</translation>
    </message>
    <message>
        <source>orrery: cannot add to kubeconfig: %1</source>
        <translation>orrery: cannot add to kubeconfig: %1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>warning: %1</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <source>fix the context's entries in the kubeconfig</source>
        <translation>fix the context's entries in the kubeconfig</translation>
    </message>
    <message>
        <source>kubeconfig</source>
        <translation>kubeconfig</translation>
    </message>
    <message>
        <source>credentials</source>
        <translation>credentials</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>the credential provider did not answer</source>
        <translation>the credential provider did not answer</translation>
    </message>
    <message>
        <source>credentials: %1</source>
        <translation>credentials: %1</translation>
    </message>
    <message>
        <source>log in again or repair the user entry</source>
        <translation>log in again or repair the user entry</translation>
    </message>
    <message>
        <source>the client certificate cannot be read</source>
        <translation>the client certificate cannot be read</translation>
    </message>
    <message>
        <source>replace client-certificate-data with a PEM certificate</source>
        <translation>replace client-certificate-data with a PEM certificate</translation>
    </message>
    <message>
        <source>the client certificate expired on %1</source>
        <translation>the client certificate expired on %1</translation>
    </message>
    <message>
        <source>get a new certificate from the cluster administrator</source>
        <translation>get a new certificate from the cluster administrator</translation>
    </message>
    <message>
        <source>certificate %1, expires %2 (in %3 days)</source>
        <translation>certificate %1, expires %2 (in %3 days)</translation>
    </message>
    <message>
        <source>token expires %1</source>
        <translation>token expires %1</translation>
    </message>
    <message>
        <source>reachability</source>
        <translation>reachability</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>no answer</translation>
    </message>
    <message>
        <source>%1 is not reachable: %2</source>
        <translation>%1 is not reachable: %2</translation>
    </message>
    <message>
        <source>check the server URL, VPN and proxy settings</source>
        <translation>check the server URL, VPN and proxy settings</translation>
    </message>
    <message>
        <source>HTTP 401</source>
        <translation>HTTP 401</translation>
    </message>
    <message>
        <source>the server rejected the credentials (401)</source>
        <translation>the server rejected the credentials (401)</translation>
    </message>
    <message>
        <source>log in again, or refresh the token or certificate</source>
        <translation>log in again, or refresh the token or certificate</translation>
    </message>
    <message>
        <source>%1, HTTP/%2, %3 ms</source>
        <translation>%1, HTTP/%2, %3 ms</translation>
    </message>
    <message>
        <source>unknown version</source>
        <translation>unknown version</translation>
    </message>
    <message>
        <source>permissions</source>
        <translation>permissions</translation>
    </message>
    <message>
        <source>SelfSubjectAccessReview is not available; permissions are shown by the sync below</source>
        <translation>SelfSubjectAccessReview is not available; permissions are shown by the sync below</translation>
    </message>
    <message>
        <source>denied: %1</source>
        <translation>denied: %1</translation>
    </message>
    <message>
        <source>list, watch and patch allowed on %1 kinds</source>
        <translation>list, watch and patch allowed on %1 kinds</translation>
    </message>
    <message>
        <source>sync</source>
        <translation>sync</translation>
    </message>
    <message>
        <source>API discovery failed: %1</source>
        <translation>API discovery failed: %1</translation>
    </message>
    <message>
        <source>check that the server is a Kubernetes API server</source>
        <translation>check that the server is a Kubernetes API server</translation>
    </message>
    <message>
        <source>%1 objects of %2 kinds in %3 ms</source>
        <translation>%1 objects of %2 kinds in %3 ms</translation>
    </message>
    <message>
        <source>; %1 kinds not synced</source>
        <translation>; %1 kinds not synced</translation>
    </message>
    <message>
        <source>; timed out</source>
        <translation>; timed out</translation>
    </message>
    <message>
        <source>no kind could be listed</source>
        <translation>no kind could be listed</translation>
    </message>
    <message>
        <source>the sync did not finish in time</source>
        <translation>the sync did not finish in time</translation>
    </message>
    <message>
        <source>check RBAC permissions (kubectl auth can-i list pods -A) and the network</source>
        <translation>check RBAC permissions (kubectl auth can-i list pods -A) and the network</translation>
    </message>
    <message>
        <source>Context "%1"</source>
        <translation>Context "%1"</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>FAIL</translation>
    </message>
    <message>
        <source>WARN</source>
        <translation>WARN</translation>
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
        <translation>OBJECTS</translation>
    </message>
    <message>
        <source>LIST ms</source>
        <translation>LIST ms</translation>
    </message>
    <message>
        <source>DECODE ms</source>
        <translation>DECODE ms</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>STATE</translation>
    </message>
    <message>
        <source>  =&gt; usable</source>
        <translation>  =&gt; usable</translation>
    </message>
    <message>
        <source>  =&gt; UNUSABLE: %1
     fix: %2</source>
        <translation>  =&gt; UNUSABLE: %1
     fix: %2</translation>
    </message>
    <message>
        <source>orrery: no contexts found (tried: %1)</source>
        <translation>orrery: no contexts found (tried: %1)</translation>
    </message>
    <message>
        <source>%1 answered, but TLS verification failed: %2</source>
        <translation>%1 answered, but TLS verification failed: %2</translation>
    </message>
    <message>
        <source>orrery: the kubeconfig has errors; these entries were not loaded:</source>
        <translation>orrery: the kubeconfig has errors; these entries were not loaded:</translation>
    </message>
    <message>
        <source>orrery: no usable context: fix the errors above</source>
        <translation>orrery: no usable context: fix the errors above</translation>
    </message>
</context>
<context>
    <name>ExportPipeline</name>
    <message>
        <source>--export-pipeline RUN needs a file ending in .png, .svg or .json after it, not "%1"</source>
        <translation>--export-pipeline RUN needs a file ending in .png, .svg or .json after it, not "%1"</translation>
    </message>
    <message>
        <source>unknown --theme "%1"; use system, light or dark.</source>
        <translation>unknown --theme "%1"; use system, light or dark.</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>cannot read %1: %2</translation>
    </message>
    <message>
        <source>%1 is too large for a run</source>
        <translation>%1 is too large for a run</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s</source>
        <translation>%1 did not answer within %2 s</translation>
    </message>
    <message numerus="yes">
        <source>wrote %1 (run #%2, %n job(s))</source>
        <translation>
            <numerusform>wrote %1 (run #%2, %n job)</numerusform>
            <numerusform>wrote %1 (run #%2, %n jobs)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportTopology</name>
    <message>
        <source>--export-topology needs a file ending in .png, .svg or .json, not "%1"</source>
        <translation>--export-topology needs a file ending in .png, .svg or .json, not "%1"</translation>
    </message>
    <message>
        <source>no kubeconfig could be read</source>
        <translation>no kubeconfig could be read</translation>
    </message>
    <message>
        <source>--export-topology needs --context (the kubeconfig has no current context)</source>
        <translation>--export-topology needs --context (the kubeconfig has no current context)</translation>
    </message>
    <message>
        <source>cannot reach context "%1": %2</source>
        <translation>cannot reach context "%1": %2</translation>
    </message>
    <message>
        <source>context "%1" did not finish syncing within %2 s</source>
        <translation>context "%1" did not finish syncing within %2 s</translation>
    </message>
    <message>
        <source>wrote %1 (%2 nodes, %3 edges)</source>
        <translation>wrote %1 (%2 nodes, %3 edges)</translation>
    </message>
</context>
<context>
    <name>FlyResponse</name>
    <message numerus="yes">
        <source>%n machine(s), %1 started</source>
        <translation>
            <numerusform>%n machine, %1 started</numerusform>
            <numerusform>%n machines, %1 started</numerusform>
        </translation>
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
        <translation>Starting the demo cluster…</translation>
    </message>
    <message>
        <source>The demo cluster could not start: %1</source>
        <translation>The demo cluster could not start: %1</translation>
    </message>
    <message>
        <source>Topology</source>
        <translation>Topology</translation>
    </message>
    <message>
        <source>Runbooks</source>
        <translation>Runbooks</translation>
    </message>
    <message>
        <source>Helm releases</source>
        <translation>Helm releases</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Operations</translation>
    </message>
    <message>
        <source>orrery: no kind or page named "%1"; showing the tables.</source>
        <translation>orrery: no kind or page named "%1"; showing the tables.</translation>
    </message>
    <message>
        <source>orrery: unknown --theme "%1"; use system, light or dark.</source>
        <translation>orrery: unknown --theme "%1"; use system, light or dark.</translation>
    </message>
    <message>
        <source>orrery: %1 is not a manifest (.yaml, .yml or .json); ignored.</source>
        <translation>orrery: %1 is not a manifest (.yaml, .yml or .json); ignored.</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>orrery: --prometheus: %1</source>
        <translation>orrery: --prometheus: %1</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>orrery: --size: expected WIDTHxHEIGHT</source>
        <translation>orrery: --size: expected WIDTHxHEIGHT</translation>
    </message>
    <message>
        <source>Demo: %1</source>
        <translation>Demo: %1</translation>
    </message>
    <message>
        <source>orrery: screenshot %1: context %2, page %3</source>
        <translation>orrery: screenshot %1: context %2, page %3</translation>
    </message>
    <message>
        <source>Pipelines</source>
        <translation>Pipelines</translation>
    </message>
    <message>
        <source>Cluster Overview</source>
        <translation>Cluster Overview</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 cannot be read: %2</translation>
    </message>
    <message>
        <source>App topology</source>
        <translation>App topology</translation>
    </message>
    <message>
        <source>the cloud account is gone</source>
        <translation>the cloud account is gone</translation>
    </message>
    <message>
        <source>Clouds</source>
        <translation>Clouds</translation>
    </message>
    <message>
        <source>Port Forwards</source>
        <translation>Port Forwards</translation>
    </message>
</context>
<context>
    <name>ImageLink</name>
    <message>
        <source>rolling out #%1</source>
        <translation>rolling out #%1</translation>
    </message>
    <message>
        <source>run #%1</source>
        <translation>run #%1</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1 ago</translation>
    </message>
    <message>
        <source>rolling out from run #%1</source>
        <translation>rolling out from run #%1</translation>
    </message>
    <message>
        <source>deployed by run #%1</source>
        <translation>deployed by run #%1</translation>
    </message>
    <message>
        <source>→ Fly.io: %1</source>
        <translation>→ Fly.io: %1</translation>
    </message>
    <message>
        <source>→ Railway: %1</source>
        <translation>→ Railway: %1</translation>
    </message>
</context>
<context>
    <name>JenkinsResponse</name>
    <message>
        <source>Jenkins wants a valid crumb (CSRF protection): use an API token, or check that /crumbIssuer answers</source>
        <translation>Jenkins wants a valid crumb (CSRF protection): use an API token, or check that /crumbIssuer answers</translation>
    </message>
</context>
<context>
    <name>LabelSelector</name>
    <message>
        <source>Unbalanced ')'.</source>
        <translation>Unbalanced ')'.</translation>
    </message>
    <message>
        <source>Missing ')'.</source>
        <translation>Missing ')'.</translation>
    </message>
    <message>
        <source>Empty requirement.</source>
        <translation>Empty requirement.</translation>
    </message>
    <message>
        <source>Invalid label key "%1".</source>
        <translation>Invalid label key "%1".</translation>
    </message>
    <message>
        <source>Invalid label value "%1".</source>
        <translation>Invalid label value "%1".</translation>
    </message>
    <message>
        <source>Unexpected '('.</source>
        <translation>Unexpected '('.</translation>
    </message>
    <message>
        <source>Unexpected "%1".</source>
        <translation>Unexpected "%1".</translation>
    </message>
</context>
<context>
    <name>LogStreamer</name>
    <message>
        <source>the server closed the stream (the container may have stopped)</source>
        <translation>the server closed the stream (the container may have stopped)</translation>
    </message>
    <message>
        <source> … [line cut: longer than %1]</source>
        <translation> … [line cut: longer than %1]</translation>
    </message>
</context>
<context>
    <name>MonitoringServersStatus</name>
    <message>
        <source>Prometheus and Alertmanager are not started</source>
        <translation>Prometheus and Alertmanager are not started</translation>
    </message>
    <message>
        <source>Starting Prometheus and Alertmanager for the demo cluster %1…</source>
        <translation>Starting Prometheus and Alertmanager for the demo cluster %1…</translation>
    </message>
    <message>
        <source>Prometheus (%1) and Alertmanager (%2) watch the demo cluster %3</source>
        <translation>Prometheus (%1) and Alertmanager (%2) watch the demo cluster %3</translation>
    </message>
    <message>
        <source>%1 not installed (Debian packages prometheus and prometheus-alertmanager; scripts/deps.sh installs them): the demo runs without Prometheus charts and alerts</source>
        <translation>%1 not installed (Debian packages prometheus and prometheus-alertmanager; scripts/deps.sh installs them): the demo runs without Prometheus charts and alerts</translation>
    </message>
    <message>
        <source>Prometheus and Alertmanager could not start: %1</source>
        <translation>Prometheus and Alertmanager could not start: %1</translation>
    </message>
</context>
<context>
    <name>Orrery</name>
    <message>
        <source>Waiting for deployment spec update to be observed...</source>
        <translation>Waiting for deployment spec update to be observed...</translation>
    </message>
    <message>
        <source>deployment "%1" exceeded its progress deadline</source>
        <translation>deployment "%1" exceeded its progress deadline</translation>
    </message>
    <message>
        <source>Waiting for deployment "%1" rollout to finish: %2 out of %3 new replicas have been updated...</source>
        <translation>Waiting for deployment "%1" rollout to finish: %2 out of %3 new replicas have been updated...</translation>
    </message>
    <message>
        <source>Waiting for deployment "%1" rollout to finish: %2 old replicas are pending termination...</source>
        <translation>Waiting for deployment "%1" rollout to finish: %2 old replicas are pending termination...</translation>
    </message>
    <message>
        <source>Waiting for deployment "%1" rollout to finish: %2 of %3 updated replicas are available...</source>
        <translation>Waiting for deployment "%1" rollout to finish: %2 of %3 updated replicas are available...</translation>
    </message>
    <message>
        <source>deployment "%1" successfully rolled out</source>
        <translation>deployment "%1" successfully rolled out</translation>
    </message>
    <message>
        <source>rollout status is only available for RollingUpdate strategy type</source>
        <translation>rollout status is only available for RollingUpdate strategy type</translation>
    </message>
    <message>
        <source>Waiting for daemon set spec update to be observed...</source>
        <translation>Waiting for daemon set spec update to be observed...</translation>
    </message>
    <message>
        <source>Waiting for daemon set "%1" rollout to finish: %2 out of %3 new pods have been updated...</source>
        <translation>Waiting for daemon set "%1" rollout to finish: %2 out of %3 new pods have been updated...</translation>
    </message>
    <message>
        <source>Waiting for daemon set "%1" rollout to finish: %2 of %3 updated pods are available...</source>
        <translation>Waiting for daemon set "%1" rollout to finish: %2 of %3 updated pods are available...</translation>
    </message>
    <message>
        <source>daemon set "%1" successfully rolled out</source>
        <translation>daemon set "%1" successfully rolled out</translation>
    </message>
    <message>
        <source>Waiting for statefulset spec update to be observed...</source>
        <translation>Waiting for statefulset spec update to be observed...</translation>
    </message>
    <message>
        <source>Waiting for %1 pods to be ready...</source>
        <translation>Waiting for %1 pods to be ready...</translation>
    </message>
    <message>
        <source>Waiting for partitioned roll out to finish: %1 out of %2 new pods have been updated...</source>
        <translation>Waiting for partitioned roll out to finish: %1 out of %2 new pods have been updated...</translation>
    </message>
    <message>
        <source>partitioned roll out complete: %1 new pods have been updated...</source>
        <translation>partitioned roll out complete: %1 new pods have been updated...</translation>
    </message>
    <message>
        <source>waiting for statefulset rolling update to complete %1 pods at revision %2...</source>
        <translation>waiting for statefulset rolling update to complete %1 pods at revision %2...</translation>
    </message>
    <message>
        <source>statefulset rolling update complete %1 pods at revision %2...</source>
        <translation>statefulset rolling update complete %1 pods at revision %2...</translation>
    </message>
    <message>
        <source>a step must be a map with exactly one key naming its type</source>
        <translation>a step must be a map with exactly one key naming its type</translation>
    </message>
    <message>
        <source>unknown step "%1"</source>
        <translation>unknown step "%1"</translation>
    </message>
    <message>
        <source>step "%1" takes a single value</source>
        <translation>step "%1" takes a single value</translation>
    </message>
    <message>
        <source>"wait" takes a number of seconds from 0 to 3600</source>
        <translation>"wait" takes a number of seconds from 0 to 3600</translation>
    </message>
    <message>
        <source>step "%1" takes a map of fields</source>
        <translation>step "%1" takes a map of fields</translation>
    </message>
    <message>
        <source>Caption: %1</source>
        <translation>Caption: %1</translation>
    </message>
    <message>
        <source>Scale %1 to %2 replicas</source>
        <translation>Scale %1 to %2 replicas</translation>
    </message>
    <message>
        <source>Set image of %1, container %2, to %3</source>
        <translation>Set image of %1, container %2, to %3</translation>
    </message>
    <message>
        <source>Apply %1 (dry run)</source>
        <translation>Apply %1 (dry run)</translation>
    </message>
    <message>
        <source>Apply %1</source>
        <translation>Apply %1</translation>
    </message>
    <message>
        <source>Restart %1</source>
        <translation>Restart %1</translation>
    </message>
    <message>
        <source>Roll back %1 to revision %2</source>
        <translation>Roll back %1 to revision %2</translation>
    </message>
    <message>
        <source>Roll back %1 to the previous revision</source>
        <translation>Roll back %1 to the previous revision</translation>
    </message>
    <message>
        <source>Roll Helm release %1 back to revision %2</source>
        <translation>Roll Helm release %1 back to revision %2</translation>
    </message>
    <message>
        <source>Roll Helm release %1 back to the previous revision</source>
        <translation>Roll Helm release %1 back to the previous revision</translation>
    </message>
    <message>
        <source>Wait for the rollout of %1 (at most %2 s)</source>
        <translation>Wait for the rollout of %1 (at most %2 s)</translation>
    </message>
    <message>
        <source>Wait %1 s</source>
        <translation>Wait %1 s</translation>
    </message>
    <message>
        <source>Set the simulated load of %1 back to its schedule</source>
        <translation>Set the simulated load of %1 back to its schedule</translation>
    </message>
    <message>
        <source>Set the simulated load of %1 to %2%</source>
        <translation>Set the simulated load of %1 to %2%</translation>
    </message>
    <message>
        <source>another Orrery (process %1 on %2) has held the audit log's lock for more than %3 seconds</source>
        <translation>another Orrery (process %1 on %2) has held the audit log's lock for more than %3 seconds</translation>
    </message>
    <message>
        <source>another process has held the audit log's lock for more than %1 seconds</source>
        <translation>another process has held the audit log's lock for more than %1 seconds</translation>
    </message>
    <message>
        <source>the audit directory does not allow creating its lock file</source>
        <translation>the audit directory does not allow creating its lock file</translation>
    </message>
    <message>
        <source>the audit log's lock file could not be created</source>
        <translation>the audit log's lock file could not be created</translation>
    </message>
    <message>
        <source>the answer has more than %1 %2</source>
        <translation>the answer has more than %1 %2</translation>
    </message>
    <message>
        <source>HTTP %1: the answer is not an Alertmanager API v2 list</source>
        <translation>HTTP %1: the answer is not an Alertmanager API v2 list</translation>
    </message>
    <message>
        <source>%1: %2 (set for this context)</source>
        <translation>%1: %2 (set for this context)</translation>
    </message>
    <message>
        <source>%1: %2 (found automatically)</source>
        <translation>%1: %2 (found automatically)</translation>
    </message>
    <message>
        <source>no %1 set for this context, and the cluster's Services are not listed (yet, or "list services" is not allowed), so none could be found; set one in Preferences</source>
        <translation>no %1 set for this context, and the cluster's Services are not listed (yet, or "list services" is not allowed), so none could be found; set one in Preferences</translation>
    </message>
    <message>
        <source>no %1 found; looked for Services %2 in namespaces %3; set one for this context in Preferences</source>
        <translation>no %1 found; looked for Services %2 in namespaces %3; set one for this context in Preferences</translation>
    </message>
    <message>
        <source>no pods</source>
        <translation>no pods</translation>
    </message>
    <message>
        <source>1 pod: %1</source>
        <translation>1 pod: %1</translation>
    </message>
    <message>
        <source>%1 pods: %2</source>
        <translation>%1 pods: %2</translation>
    </message>
    <message>
        <source>%1 not found in namespace %2</source>
        <translation>%1 not found in namespace %2</translation>
    </message>
    <message>
        <source>not a workload</source>
        <translation>not a workload</translation>
    </message>
    <message>
        <source>waiting for the spec update to be observed</source>
        <translation>waiting for the spec update to be observed</translation>
    </message>
    <message>
        <source>the rollout exceeded its progress deadline</source>
        <translation>the rollout exceeded its progress deadline</translation>
    </message>
    <message>
        <source>%1 of %2 new replicas updated</source>
        <translation>%1 of %2 new replicas updated</translation>
    </message>
    <message>
        <source>old replicas pending termination: %1</source>
        <translation>old replicas pending termination: %1</translation>
    </message>
    <message>
        <source>%1 of %2 updated replicas available</source>
        <translation>%1 of %2 updated replicas available</translation>
    </message>
    <message>
        <source>%1 of %2 pods ready</source>
        <translation>%1 of %2 pods ready</translation>
    </message>
    <message>
        <source>%1 of %2 pods on the update revision</source>
        <translation>%1 of %2 pods on the update revision</translation>
    </message>
    <message>
        <source>%1 of %2 new pods updated</source>
        <translation>%1 of %2 new pods updated</translation>
    </message>
    <message>
        <source>%1 of %2 updated pods available</source>
        <translation>%1 of %2 updated pods available</translation>
    </message>
    <message>
        <source>rolled out: %1 of %2 replicas available</source>
        <translation>rolled out: %1 of %2 replicas available</translation>
    </message>
    <message>
        <source>waiting for the cluster's %1 to load</source>
        <translation>waiting for the cluster's %1 to load</translation>
    </message>
    <message>
        <source>no Helm release %1 in namespace %2</source>
        <translation>no Helm release %1 in namespace %2</translation>
    </message>
    <message>
        <source>revision %1, %2</source>
        <translation>revision %1, %2</translation>
    </message>
    <message>
        <source>%1 has no replica counts</source>
        <translation>%1 has no replica counts</translation>
    </message>
    <message>
        <source>%1 replicas: %2</source>
        <translation>%1 replicas: %2</translation>
    </message>
    <message>
        <source>%1 has no pod template</source>
        <translation>%1 has no pod template</translation>
    </message>
    <message>
        <source>no container named %1</source>
        <translation>no container named %1</translation>
    </message>
    <message>
        <source>image %1</source>
        <translation>image %1</translation>
    </message>
    <message>
        <source>each "expect" entry of %1 must be a map such as {kind: pods, of: deployment/NAME, state: Running}</source>
        <translation>each "expect" entry of %1 must be a map such as {kind: pods, of: deployment/NAME, state: Running}</translation>
    </message>
    <message>
        <source>"%1" of an expectation of %2 must be a single value</source>
        <translation>"%1" of an expectation of %2 must be a single value</translation>
    </message>
    <message>
        <source>an expectation of %1 needs "kind": pods, rollout, replicas, image or helmRelease</source>
        <translation>an expectation of %1 needs "kind": pods, rollout, replicas, image or helmRelease</translation>
    </message>
    <message>
        <source>unknown expectation kind "%1" in %2: use pods, rollout, replicas, image or helmRelease</source>
        <translation>unknown expectation kind "%1" in %2: use pods, rollout, replicas, image or helmRelease</translation>
    </message>
    <message>
        <source>expectation "%1" of %2 needs "%3"</source>
        <translation>expectation "%1" of %2 needs "%3"</translation>
    </message>
    <message>
        <source>expectation "%1" of %2 has no field "%3"</source>
        <translation>expectation "%1" of %2 has no field "%3"</translation>
    </message>
    <message>
        <source>"of" of expectation "%1" in %2 must look like deployment/NAME, statefulset/NAME, daemonset/NAME, replicaset/NAME or hpa/NAME</source>
        <translation>"of" of expectation "%1" in %2 must look like deployment/NAME, statefulset/NAME, daemonset/NAME, replicaset/NAME or hpa/NAME</translation>
    </message>
    <message>
        <source>"of" of expectation "%1" in %2 must look like deployment/NAME, statefulset/NAME, daemonset/NAME or replicaset/NAME</source>
        <translation>"of" of expectation "%1" in %2 must look like deployment/NAME, statefulset/NAME, daemonset/NAME or replicaset/NAME</translation>
    </message>
    <message>
        <source>"within" of expectation "%1" in %2 must be a duration such as 60s, 2m or 90 (seconds), at most one hour</source>
        <translation>"within" of expectation "%1" in %2 must be a duration such as 60s, 2m or 90 (seconds), at most one hour</translation>
    </message>
    <message>
        <source>"%1" of expectation "%2" in %3 must be a number or a comparison such as "&gt;= 4"%4</source>
        <translation>"%1" of expectation "%2" in %3 must be a number or a comparison such as "&gt;= 4"%4</translation>
    </message>
    <message>
        <source>, or all</source>
        <translation>, or all</translation>
    </message>
    <message>
        <source>expectation "pods" of %1 needs "state" or "count"</source>
        <translation>expectation "pods" of %1 needs "state" or "count"</translation>
    </message>
    <message>
        <source>"field" of expectation "replicas" in %1 must be one of %2</source>
        <translation>"field" of expectation "replicas" in %1 must be one of %2</translation>
    </message>
    <message>
        <source>expectation "helmRelease" of %1 needs "revision" or "status"</source>
        <translation>expectation "helmRelease" of %1 needs "revision" or "status"</translation>
    </message>
    <message>
        <source>%1 has more than %2 expectations</source>
        <translation>%1 has more than %2 expectations</translation>
    </message>
    <message>
        <source>"expect" of %1 must be a map or a non-empty list of maps</source>
        <translation>"expect" of %1 must be a map or a non-empty list of maps</translation>
    </message>
    <message>
        <source>step %1 (%2)</source>
        <translation>step %1 (%2)</translation>
    </message>
    <message>
        <source>"show" takes a view name (letters and dashes, e.g. topology)</source>
        <translation>"show" takes a view name (letters and dashes, e.g. topology)</translation>
    </message>
    <message>
        <source>Show the %1 view</source>
        <translation>Show the %1 view</translation>
    </message>
    <message>
        <source>Show the %1 view of %2</source>
        <translation>Show the %1 view of %2</translation>
    </message>
    <message>
        <source>target "%1" of step "%2" must look like deployment/NAME, statefulset/NAME, daemonset/NAME, hpa/NAME or pod/NAME</source>
        <translation>target "%1" of step "%2" must look like deployment/NAME, statefulset/NAME, daemonset/NAME, hpa/NAME or pod/NAME</translation>
    </message>
    <message>
        <source>"%1" is not a GitHub repository: give OWNER/REPO</source>
        <translation>"%1" is not a GitHub repository: give OWNER/REPO</translation>
    </message>
    <message>
        <source>"%1" is not a GitHub %2 id</source>
        <translation>"%1" is not a GitHub %2 id</translation>
    </message>
    <message>
        <source>GitHub answered 304 Not Modified to a request Orrery has no answer for</source>
        <translation>GitHub answered 304 Not Modified to a request Orrery has no answer for</translation>
    </message>
    <message>
        <source>the answer is not a GitHub API object</source>
        <translation>the answer is not a GitHub API object</translation>
    </message>
    <message>
        <source>the answer has no "%1" list</source>
        <translation>the answer has no "%1" list</translation>
    </message>
    <message>
        <source>a GitLab API v4 list</source>
        <translation>a GitLab API v4 list</translation>
    </message>
    <message>
        <source>a GitLab API v4 object</source>
        <translation>a GitLab API v4 object</translation>
    </message>
    <message>
        <source>cannot read the CA certificate %1: %2</source>
        <translation>cannot read the CA certificate %1: %2</translation>
    </message>
    <message>
        <source>a Jenkins credential is USER:API-TOKEN</source>
        <translation>a Jenkins credential is USER:API-TOKEN</translation>
    </message>
    <message>
        <source>this build of Orrery has no %1 client yet</source>
        <translation>this build of Orrery has no %1 client yet</translation>
    </message>
    <message>
        <source>no keyring is available (Secret Service or KWallet): %1</source>
        <translation>no keyring is available (Secret Service or KWallet): %1</translation>
    </message>
    <message>
        <source>the keyring failed (QtKeychain error %1)</source>
        <translation>the keyring failed (QtKeychain error %1)</translation>
    </message>
    <message>
        <source>%1 entry "%2"</source>
        <translation>%1 entry "%2"</translation>
    </message>
    <message>
        <source>the keyring did not answer within %1 s (is it locked?)</source>
        <translation>the keyring did not answer within %1 s (is it locked?)</translation>
    </message>
    <message>
        <source>%1 is larger than %2.</source>
        <translation>%1 is larger than %2.</translation>
    </message>
    <message>
        <source>%1 is not a JSON object.</source>
        <translation>%1 is not a JSON object.</translation>
    </message>
</context>
<context>
    <name>Orrery::AboutDialog</name>
    <message>
        <source>About Orrery</source>
        <translation>About Orrery</translation>
    </message>
    <message>
        <source>Orrery %1
Native Kubernetes cluster and deployment manager.
GPL-3.0-or-later</source>
        <translation>Orrery %1
Native Kubernetes cluster and deployment manager.
GPL-3.0-or-later</translation>
    </message>
</context>
<context>
    <name>Orrery::ActionController</name>
    <message>
        <source>Checking permission…</source>
        <translation>Checking permission…</translation>
    </message>
    <message>
        <source>Could not check permission: %1</source>
        <translation>Could not check permission: %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <source>the cluster was disconnected</source>
        <translation>the cluster was disconnected</translation>
    </message>
    <message>
        <source>Not connected: there is no cluster to check against.</source>
        <translation>Not connected: there is no cluster to check against.</translation>
    </message>
    <message>
        <source>Checking permissions…</source>
        <translation>Checking permissions…</translation>
    </message>
    <message numerus="yes">
        <source>%n object(s) may not be applied with this context's rights; nothing was sent. Ask a cluster administrator for the permission, or use a context with more rights.</source>
        <translation>
            <numerusform>%n object may not be applied with this context's rights; nothing was sent. Ask a cluster administrator for the permission, or use a context with more rights.</numerusform>
            <numerusform>%n objects may not be applied with this context's rights; nothing was sent. Ask a cluster administrator for the permission, or use a context with more rights.</numerusform>
        </translation>
    </message>
    <message>
        <source>Asking the server what would change (dry run)…</source>
        <translation>Asking the server what would change (dry run)…</translation>
    </message>
    <message>
        <source>Apply conflict</source>
        <translation>Apply conflict</translation>
    </message>
    <message>
        <source>%1 was not applied.</source>
        <translation>%1 was not applied.</translation>
    </message>
    <message>
        <source>Force…</source>
        <translation>Force…</translation>
    </message>
    <message>
        <source>A change whose intent cannot be recorded is not sent. Free some disk space or fix the permissions of %1.</source>
        <translation>A change whose intent cannot be recorded is not sent. Free some disk space or fix the permissions of %1.</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Not connected: there is no cluster to read the object from.</source>
        <translation>Not connected: there is no cluster to read the object from.</translation>
    </message>
    <message>
        <source>Not connected: there is no cluster to send this to.</source>
        <translation>Not connected: there is no cluster to send this to.</translation>
    </message>
    <message>
        <source>This edit was started elsewhere: reload and edit again.</source>
        <translation>This edit was started elsewhere: reload and edit again.</translation>
    </message>
    <message>
        <source>Applied: %1</source>
        <translation>Applied: %1</translation>
    </message>
    <message>
        <source>Not applied: the confirmation was cancelled. Your edit is still here.</source>
        <translation>Not applied: the confirmation was cancelled. Your edit is still here.</translation>
    </message>
    <message>
        <source>The server accepted the edit (dry run): confirm to apply it.</source>
        <translation>The server accepted the edit (dry run): confirm to apply it.</translation>
    </message>
    <message>
        <source>There is no edit to compare.</source>
        <translation>There is no edit to compare.</translation>
    </message>
    <message>
        <source>Nothing differs any more: edit again to apply.</source>
        <translation>Nothing differs any more: edit again to apply.</translation>
    </message>
</context>
<context>
    <name>Orrery::AddToKubeconfig</name>
    <message>
        <source>The kubeconfig is over 16 MiB; it was not changed.</source>
        <translation>The kubeconfig is over 16 MiB; it was not changed.</translation>
    </message>
    <message>
        <source>The file is not a kubeconfig (not a YAML mapping); it was not changed.</source>
        <translation>The file is not a kubeconfig (not a YAML mapping); it was not changed.</translation>
    </message>
    <message>
        <source>Add %1 to kubeconfig</source>
        <translation>Add %1 to kubeconfig</translation>
    </message>
    <message>
        <source>Write context, cluster and user "%1" to %2</source>
        <translation>Write context, cluster and user "%1" to %2</translation>
    </message>
    <message>
        <source>Make it the current context</source>
        <translation>Make it the current context</translation>
    </message>
    <message>
        <source>Keep a copy of the file as it was</source>
        <translation>Keep a copy of the file as it was</translation>
    </message>
    <message>
        <source>The kubeconfig entry has no name.</source>
        <translation>The kubeconfig entry has no name.</translation>
    </message>
    <message>
        <source>You may not write this file.</source>
        <translation>You may not write this file.</translation>
    </message>
    <message>
        <source>You may not create files in %1.</source>
        <translation>You may not create files in %1.</translation>
    </message>
    <message>
        <source>%1 already holds context "%2" as it would be written.</source>
        <translation>%1 already holds context "%2" as it would be written.</translation>
    </message>
    <message>
        <source>kubectl will run "%1" for a token, and it is not on PATH here.</source>
        <translation>kubectl will run "%1" for a token, and it is not on PATH here.</translation>
    </message>
    <message>
        <source>The file was not read first.</source>
        <translation>The file was not read first.</translation>
    </message>
    <message>
        <source>Nothing to change: the file already holds these entries.</source>
        <translation>Nothing to change: the file already holds these entries.</translation>
    </message>
    <message>
        <source>%1 changed since the preview; nothing was written. Look at it again.</source>
        <translation>%1 changed since the preview; nothing was written. Look at it again.</translation>
    </message>
    <message>
        <source>The backup %1 could not be written (%2); nothing was changed.</source>
        <translation>The backup %1 could not be written (%2); nothing was changed.</translation>
    </message>
    <message>
        <source>Backup: %1</source>
        <translation>Backup: %1</translation>
    </message>
    <message>
        <source>The audit log could not be written (%1); nothing was changed.</source>
        <translation>The audit log could not be written (%1); nothing was changed.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 could not be written: %2</translation>
    </message>
    <message>
        <source>Wrote context, cluster and user "%1"; current context is now "%1".</source>
        <translation>Wrote context, cluster and user "%1"; current context is now "%1".</translation>
    </message>
    <message>
        <source>The outcome could not be written to the audit log: %1</source>
        <translation>The outcome could not be written to the audit log: %1</translation>
    </message>
    <message>
        <source>"%1" in the kubeconfig is not a list; the file was not changed.</source>
        <translation>"%1" in the kubeconfig is not a list; the file was not changed.</translation>
    </message>
</context>
<context>
    <name>Orrery::AlertmanagerResponse</name>
    <message>
        <source>the answer names no silence id</source>
        <translation>the answer names no silence id</translation>
    </message>
</context>
<context>
    <name>Orrery::AlertsModel</name>
    <message>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
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
        <translation>silenced</translation>
    </message>
    <message>
        <source>inhibited</source>
        <translation>inhibited</translation>
    </message>
    <message>
        <source>unprocessed</source>
        <translation>unprocessed</translation>
    </message>
    <message>
        <source>firing</source>
        <translation>firing</translation>
    </message>
    <message>
        <source>Open the runbook</source>
        <translation>Open the runbook</translation>
    </message>
    <message>
        <source>Silenced by %1 until %2: %3</source>
        <translation>Silenced by %1 until %2: %3</translation>
    </message>
    <message>
        <source>Silenced by %1</source>
        <translation>Silenced by %1</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>Runbook</source>
        <translation>Runbook</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>Orrery::AlertsPage</name>
    <message>
        <source>Silence…</source>
        <translation>Silence…</translation>
    </message>
    <message>
        <source>Expire silence</source>
        <translation>Expire silence</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>Silence the selected alert in Alertmanager (matchers prefilled from its labels)</source>
        <translation>Silence the selected alert in Alertmanager (matchers prefilled from its labels)</translation>
    </message>
    <message>
        <source>Expire the silences that mute the selected alert</source>
        <translation>Expire the silences that mute the selected alert</translation>
    </message>
    <message>
        <source>Reading Alertmanager…</source>
        <translation>Reading Alertmanager…</translation>
    </message>
    <message>
        <source>No alerts</source>
        <translation>No alerts</translation>
    </message>
    <message>
        <source>No alerts can be shown: %1</source>
        <translation>No alerts can be shown: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n firing</source>
        <translation>
            <numerusform>%n firing</numerusform>
            <numerusform>%n firing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n silenced</source>
        <translation>
            <numerusform>%n silenced</numerusform>
            <numerusform>%n silenced</numerusform>
        </translation>
    </message>
    <message>
        <source>from %1, updated %2</source>
        <translation>from %1, updated %2</translation>
    </message>
    <message>
        <source>No alert is firing.</source>
        <translation>No alert is firing.</translation>
    </message>
</context>
<context>
    <name>Orrery::App::CloudsWiring</name>
    <message>
        <source>No cloud credentials found. Orrery reads what the providers' CLIs read (~/.aws, az login, gcloud, FLY_API_TOKEN, RAILWAY_TOKEN): see docs/clouds.md.</source>
        <translation>No cloud credentials found. Orrery reads what the providers' CLIs read (~/.aws, az login, gcloud, FLY_API_TOKEN, RAILWAY_TOKEN): see docs/clouds.md.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation>Could not connect to %1: %2</translation>
    </message>
    <message>
        <source>Connected to %1 with a token Orrery made in memory; the kubeconfig was not touched.</source>
        <translation>Connected to %1 with a token Orrery made in memory; the kubeconfig was not touched.</translation>
    </message>
    <message>
        <source>Cannot add to kubeconfig: %1</source>
        <translation>Cannot add to kubeconfig: %1</translation>
    </message>
</context>
<context>
    <name>Orrery::AppTopologyPage</name>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>No app chosen: pick a Fly.io or Railway app under Clouds.</source>
        <translation>No app chosen: pick a Fly.io or Railway app under Clouds.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>Could not read the app: %1</source>
        <translation>Could not read the app: %1</translation>
    </message>
    <message>
        <source>Read at %1</source>
        <translation>Read at %1</translation>
    </message>
    <message>
        <source>Export the app</source>
        <translation>Export the app</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG image (*.png);;SVG image (*.svg)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
</context>
<context>
    <name>Orrery::AppTopologyScene</name>
    <message>
        <source>Releases</source>
        <translation>Releases</translation>
    </message>
</context>
<context>
    <name>Orrery::ApplyDialog</name>
    <message>
        <source>Apply manifests</source>
        <translation>Apply manifests</translation>
    </message>
    <message>
        <source>Paste YAML here (several documents separated by ---), or add files.</source>
        <translation>Paste YAML here (several documents separated by ---), or add files.</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>Remove file</source>
        <translation>Remove file</translation>
    </message>
    <message>
        <source>Check the manifests against the server to see what would change.</source>
        <translation>Check the manifests against the server to see what would change.</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>On the server</translation>
    </message>
    <message>
        <source>YAML:</source>
        <translation>YAML:</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>Files:</translation>
    </message>
    <message>
        <source>Check on server</source>
        <translation>Check on server</translation>
    </message>
    <message>
        <source>Apply…</source>
        <translation>Apply…</translation>
    </message>
    <message>
        <source>Manifests to apply</source>
        <translation>Manifests to apply</translation>
    </message>
    <message>
        <source>YAML manifests (*.yaml *.yml *.json)</source>
        <translation>YAML manifests (*.yaml *.yml *.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Nothing was sent to the cluster.</source>
        <translation>Nothing was sent to the cluster.</translation>
    </message>
    <message>
        <source>Force (take ownership)…</source>
        <translation>Force (take ownership)…</translation>
    </message>
    <message>
        <source>The server reported conflicts: see Force (take ownership).</source>
        <translation>The server reported conflicts: see Force (take ownership).</translation>
    </message>
</context>
<context>
    <name>Orrery::ApplyOperation</name>
    <message>
        <source>line %1</source>
        <translation>line %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>document %1</source>
        <translation>document %1</translation>
    </message>
    <message>
        <source>The manifests cannot be applied; nothing was sent.</source>
        <translation>The manifests cannot be applied; nothing was sent.</translation>
    </message>
    <message>
        <source>Not allowed: you may not patch %1 on this cluster.</source>
        <translation>Not allowed: you may not patch %1 on this cluster.</translation>
    </message>
    <message>
        <source>Not allowed: you may not patch %1 in namespace %2.</source>
        <translation>Not allowed: you may not patch %1 in namespace %2.</translation>
    </message>
    <message>
        <source>The server says: %1</source>
        <translation>The server says: %1</translation>
    </message>
    <message>
        <source>The dry run could not be planned.</source>
        <translation>The dry run could not be planned.</translation>
    </message>
    <message>
        <source>(new object)</source>
        <translation>(new object)</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>after apply</source>
        <translation>after apply</translation>
    </message>
    <message>
        <source>new object</source>
        <translation>new object</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>The server reports no change for this object.</source>
        <translation>The server reports no change for this object.</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>conflict</translation>
    </message>
    <message>
        <source>refused by the server</source>
        <translation>refused by the server</translation>
    </message>
    <message numerus="yes">
        <source>%n object(s) checked by the server (dry run), %1 to create or change.</source>
        <translation>
            <numerusform>%n object checked by the server (dry run), %1 to create or change.</numerusform>
            <numerusform>%n objects checked by the server (dry run), %1 to create or change.</numerusform>
        </translation>
    </message>
    <message>
        <source>Force apply manifests</source>
        <translation>Force apply manifests</translation>
    </message>
    <message>
        <source>Apply manifests</source>
        <translation>Apply manifests</translation>
    </message>
    <message>
        <source>Force apply</source>
        <translation>Force apply</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>The apply failed</source>
        <translation>The apply failed</translation>
    </message>
    <message numerus="yes">
        <source>Force apply of %n object(s)</source>
        <translation>
            <numerusform>Force apply of %n object</numerusform>
            <numerusform>Force apply of %n objects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Apply of %n object(s)</source>
        <translation>
            <numerusform>Apply of %n object</numerusform>
            <numerusform>Apply of %n objects</numerusform>
        </translation>
    </message>
    <message>
        <source>pasted YAML</source>
        <translation>pasted YAML</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>Nothing to apply: paste YAML or add files.</source>
        <translation>Nothing to apply: paste YAML or add files.</translation>
    </message>
    <message numerus="yes">
        <source>Conflicts with another field manager in %n object(s): the server would refuse the apply.</source>
        <translation>
            <numerusform>Conflicts with another field manager in %n object: the server would refuse the apply.</numerusform>
            <numerusform>Conflicts with another field manager in %n objects: the server would refuse the apply.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing can be applied until the refused objects are fixed.</source>
        <translation>Nothing can be applied until the refused objects are fixed.</translation>
    </message>
    <message numerus="yes">
        <source>Apply is disabled: it would apply %n other object(s) and then fail on the conflicts. Force (take ownership) applies all %1 objects and makes orrery the manager of the conflicting fields, with the values of these manifests; or edit the manifests (drop those fields, or set them to the live values) and check again.</source>
        <translation>
            <numerusform>Apply is disabled: it would apply %n other object and then fail on the conflicts. Force (take ownership) applies all %1 objects and makes orrery the manager of the conflicting fields, with the values of these manifests; or edit the manifests (drop those fields, or set them to the live values) and check again.</numerusform>
            <numerusform>Apply is disabled: it would apply %n other objects and then fail on the conflicts. Force (take ownership) applies all %1 objects and makes orrery the manager of the conflicting fields, with the values of these manifests; or edit the manifests (drop those fields, or set them to the live values) and check again.</numerusform>
        </translation>
    </message>
    <message>
        <source>Force: take over the fields other managers own.</source>
        <translation>Force: take over the fields other managers own.</translation>
    </message>
    <message numerus="yes">
        <source>%n object(s)</source>
        <translation>
            <numerusform>%n object</numerusform>
            <numerusform>%n objects</numerusform>
        </translation>
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
        <translation>The audit log could not be written (%1): %2</translation>
    </message>
    <message>
        <source>cannot remove the oldest audit file</source>
        <translation>cannot remove the oldest audit file</translation>
    </message>
    <message>
        <source>cannot rotate the audit files</source>
        <translation>cannot rotate the audit files</translation>
    </message>
    <message>
        <source>cannot create the audit directory</source>
        <translation>cannot create the audit directory</translation>
    </message>
    <message>
        <source>short write (%1 of %2 bytes)</source>
        <translation>short write (%1 of %2 bytes)</translation>
    </message>
</context>
<context>
    <name>Orrery::AuditPage</name>
    <message>
        <source>Open folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Filter by context, user, verb, object, change or result</source>
        <translation>Filter by context, user, verb, object, change or result</translation>
    </message>
    <message>
        <source>Every write Orrery sends is recorded here, dry runs and failures included.</source>
        <translation>Every write Orrery sends is recorded here, dry runs and failures included.</translation>
    </message>
    <message numerus="yes">
        <source>%n write(s) recorded in %1</source>
        <translation>
            <numerusform>%n write recorded in %1</numerusform>
            <numerusform>%n writes recorded in %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Orrery::AuditTableModel</name>
    <message>
        <source>%1 (dry run)</source>
        <translation>%1 (dry run)</translation>
    </message>
    <message>
        <source>%1 (HTTP %2)</source>
        <translation>%1 (HTTP %2)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Context</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Verb</source>
        <translation>Verb</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Outcome unknown: the request was sent (or about to be), but no answer was recorded. Orrery may have been closed or killed meanwhile; check the object on the cluster.</source>
        <translation>Outcome unknown: the request was sent (or about to be), but no answer was recorded. Orrery may have been closed or killed meanwhile; check the object on the cluster.</translation>
    </message>
    <message>
        <source>outcome unknown</source>
        <translation>outcome unknown</translation>
    </message>
</context>
<context>
    <name>Orrery::AwsAccount</name>
    <message>
        <source>The AWS credentials for EKS cluster %1 expired.</source>
        <translation>The AWS credentials for EKS cluster %1 expired.</translation>
    </message>
    <message>
        <source>set fresh AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY</source>
        <translation>set fresh AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY</translation>
    </message>
    <message>
        <source>run: aws sso login --profile %1, or aws configure --profile %1</source>
        <translation>run: aws sso login --profile %1, or aws configure --profile %1</translation>
    </message>
    <message>
        <source>AWS (environment)</source>
        <translation>AWS (environment)</translation>
    </message>
    <message>
        <source>AWS %1</source>
        <translation>AWS %1</translation>
    </message>
    <message>
        <source>AWS_ACCESS_KEY_ID (environment)</source>
        <translation>AWS_ACCESS_KEY_ID (environment)</translation>
    </message>
    <message>
        <source>profile %1 (~/.aws/config)</source>
        <translation>profile %1 (~/.aws/config)</translation>
    </message>
    <message>
        <source>%1 is not an EKS cluster ARN.</source>
        <translation>%1 is not an EKS cluster ARN.</translation>
    </message>
    <message>
        <source>EKS cluster %1 has no endpoint yet (status %2).</source>
        <translation>EKS cluster %1 has no endpoint yet (status %2).</translation>
    </message>
    <message>
        <source>EKS cluster %1 has no endpoint yet.</source>
        <translation>EKS cluster %1 has no endpoint yet.</translation>
    </message>
    <message>
        <source>profile %1 (AWS SSO %2, role %3 in account %4)</source>
        <translation>profile %1 (AWS SSO %2, role %3 in account %4)</translation>
    </message>
</context>
<context>
    <name>Orrery::AwsClient</name>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>STS's GetCallerIdentity answer has no Arn.</source>
        <translation>STS's GetCallerIdentity answer has no Arn.</translation>
    </message>
    <message>
        <source>AssumeRole %1</source>
        <translation>AssumeRole %1</translation>
    </message>
    <message>
        <source>credential_process printed over 64 KiB.</source>
        <translation>credential_process printed over 64 KiB.</translation>
    </message>
    <message>
        <source>credential_process did not finish in 30 s.</source>
        <translation>credential_process did not finish in 30 s.</translation>
    </message>
    <message>
        <source>credential_process failed (exit code %1).</source>
        <translation>credential_process failed (exit code %1).</translation>
    </message>
    <message>
        <source>credential_process could not start.</source>
        <translation>credential_process could not start.</translation>
    </message>
    <message>
        <source>EKS cluster %1 in %2</source>
        <translation>EKS cluster %1 in %2</translation>
    </message>
    <message>
        <source>AWS SSO portal for profile %1</source>
        <translation>AWS SSO portal for profile %1</translation>
    </message>
</context>
<context>
    <name>Orrery::AwsConfig</name>
    <message>
        <source>The AWS configuration file is over 1 MiB.</source>
        <translation>The AWS configuration file is over 1 MiB.</translation>
    </message>
    <message>
        <source>The AWS configuration file has over 2000 sections.</source>
        <translation>The AWS configuration file has over 2000 sections.</translation>
    </message>
    <message>
        <source>AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not.</source>
        <translation>AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not.</translation>
    </message>
    <message>
        <source>AWS profile "%1"</source>
        <translation>AWS profile "%1"</translation>
    </message>
    <message>
        <source>The profile is in neither ~/.aws/config nor ~/.aws/credentials.</source>
        <translation>The profile is in neither ~/.aws/config nor ~/.aws/credentials.</translation>
    </message>
    <message>
        <source>source_profile loops or chains over 8 profiles.</source>
        <translation>source_profile loops or chains over 8 profiles.</translation>
    </message>
    <message>
        <source>source_profile "%1" does not exist.</source>
        <translation>source_profile "%1" does not exist.</translation>
    </message>
    <message>
        <source>credential_source (instance or container metadata) is not supported.</source>
        <translation>credential_source (instance or container metadata) is not supported.</translation>
    </message>
    <message>
        <source>role_arn needs a source_profile.</source>
        <translation>role_arn needs a source_profile.</translation>
    </message>
    <message>
        <source>aws_access_key_id is set without aws_secret_access_key.</source>
        <translation>aws_access_key_id is set without aws_secret_access_key.</translation>
    </message>
    <message>
        <source>The profile has no keys, role or credential_process.</source>
        <translation>The profile has no keys, role or credential_process.</translation>
    </message>
    <message>
        <source>run: aws configure --profile %1</source>
        <translation>run: aws configure --profile %1</translation>
    </message>
    <message>
        <source>credential_process printed over 64 KiB.</source>
        <translation>credential_process printed over 64 KiB.</translation>
    </message>
    <message>
        <source>credential_process did not print a JSON object.</source>
        <translation>credential_process did not print a JSON object.</translation>
    </message>
    <message>
        <source>credential_process printed no Version 1 output.</source>
        <translation>credential_process printed no Version 1 output.</translation>
    </message>
    <message>
        <source>credential_process printed no AccessKeyId or SecretAccessKey.</source>
        <translation>credential_process printed no AccessKeyId or SecretAccessKey.</translation>
    </message>
    <message>
        <source>STS answered with over 1 MiB.</source>
        <translation>STS answered with over 1 MiB.</translation>
    </message>
    <message>
        <source>STS refused AssumeRole: %1 (%2)</source>
        <translation>STS refused AssumeRole: %1 (%2)</translation>
    </message>
    <message>
        <source>STS's AssumeRole answer has no credentials.</source>
        <translation>STS's AssumeRole answer has no credentials.</translation>
    </message>
    <message>
        <source>The profile uses sso_session "%1", which has no [sso-session %1] section in ~/.aws/config.</source>
        <translation>The profile uses sso_session "%1", which has no [sso-session %1] section in ~/.aws/config.</translation>
    </message>
    <message>
        <source>run: aws configure sso --profile %1</source>
        <translation>run: aws configure sso --profile %1</translation>
    </message>
    <message>
        <source>%1 differs between the profile and its sso-session "%2".</source>
        <translation>%1 differs between the profile and its sso-session "%2".</translation>
    </message>
    <message>
        <source>The profile is configured for AWS SSO but misses %1.</source>
        <translation>The profile is configured for AWS SSO but misses %1.</translation>
    </message>
</context>
<context>
    <name>Orrery::AwsSso</name>
    <message>
        <source>the SSO start URL %1</source>
        <translation>the SSO start URL %1</translation>
    </message>
    <message>
        <source>the SSO session "%1"</source>
        <translation>the SSO session "%1"</translation>
    </message>
    <message>
        <source>AWS profile "%1"</source>
        <translation>AWS profile "%1"</translation>
    </message>
    <message>
        <source>run: aws sso login --profile %1</source>
        <translation>run: aws sso login --profile %1</translation>
    </message>
    <message>
        <source>The cached AWS SSO token file is over 64 KiB.</source>
        <translation>The cached AWS SSO token file is over 64 KiB.</translation>
    </message>
    <message>
        <source>The cached AWS SSO token file is not a JSON object.</source>
        <translation>The cached AWS SSO token file is not a JSON object.</translation>
    </message>
    <message>
        <source>The cached AWS SSO token has no accessToken.</source>
        <translation>The cached AWS SSO token has no accessToken.</translation>
    </message>
    <message>
        <source>The cached AWS SSO token's accessToken is over 16 KiB.</source>
        <translation>The cached AWS SSO token's accessToken is over 16 KiB.</translation>
    </message>
    <message>
        <source>The cached AWS SSO token's accessToken has control characters.</source>
        <translation>The cached AWS SSO token's accessToken has control characters.</translation>
    </message>
    <message>
        <source>The cached AWS SSO token has no valid expiresAt.</source>
        <translation>The cached AWS SSO token has no valid expiresAt.</translation>
    </message>
    <message>
        <source>No AWS SSO login is cached for %1.</source>
        <translation>No AWS SSO login is cached for %1.</translation>
    </message>
    <message>
        <source>The AWS SSO login for %1 expired at %2.</source>
        <translation>The AWS SSO login for %1 expired at %2.</translation>
    </message>
    <message>
        <source>The AWS SSO portal answered with over 256 KiB.</source>
        <translation>The AWS SSO portal answered with over 256 KiB.</translation>
    </message>
    <message>
        <source>The AWS SSO portal's answer has no role credentials.</source>
        <translation>The AWS SSO portal's answer has no role credentials.</translation>
    </message>
    <message>
        <source>The AWS SSO portal's answer has no valid expiration.</source>
        <translation>The AWS SSO portal's answer has no valid expiration.</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>The AWS SSO login for %1 is no longer valid (%2).</source>
        <translation>The AWS SSO login for %1 is no longer valid (%2).</translation>
    </message>
    <message>
        <source>The SSO user may not use role %1 in account %2 (%3).</source>
        <translation>The SSO user may not use role %1 in account %2 (%3).</translation>
    </message>
    <message>
        <source>ask for the role in IAM Identity Center, or fix sso_role_name / sso_account_id of profile %1</source>
        <translation>ask for the role in IAM Identity Center, or fix sso_role_name / sso_account_id of profile %1</translation>
    </message>
    <message>
        <source>The AWS SSO portal refused GetRoleCredentials (%1).</source>
        <translation>The AWS SSO portal refused GetRoleCredentials (%1).</translation>
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
        <translation>service principal %1 (AZURE_CLIENT_ID)</translation>
    </message>
    <message>
        <source>az login</source>
        <translation>az login</translation>
    </message>
    <message>
        <source>%1 is not an AKS cluster this account has discovered.</source>
        <translation>%1 is not an AKS cluster this account has discovered.</translation>
    </message>
    <message>
        <source>The AKS user kubeconfig of %1 has no credential Orrery can use.</source>
        <translation>The AKS user kubeconfig of %1 has no credential Orrery can use.</translation>
    </message>
</context>
<context>
    <name>Orrery::AzureClient</name>
    <message>
        <source>The service principal needs a tenant, a client id and a client secret.</source>
        <translation>The service principal needs a tenant, a client id and a client secret.</translation>
    </message>
    <message>
        <source>set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET</source>
        <translation>set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET</translation>
    </message>
    <message>
        <source>Microsoft Entra ID token for %1</source>
        <translation>Microsoft Entra ID token for %1</translation>
    </message>
    <message>
        <source>az account get-access-token printed over 64 KiB.</source>
        <translation>az account get-access-token printed over 64 KiB.</translation>
    </message>
    <message>
        <source>az account get-access-token did not finish in 30 s.</source>
        <translation>az account get-access-token did not finish in 30 s.</translation>
    </message>
    <message>
        <source>az account get-access-token failed (exit code %1).</source>
        <translation>az account get-access-token failed (exit code %1).</translation>
    </message>
    <message>
        <source>run az login</source>
        <translation>run az login</translation>
    </message>
    <message>
        <source>The Azure CLI (az) could not be started.</source>
        <translation>The Azure CLI (az) could not be started.</translation>
    </message>
    <message>
        <source>install the Azure CLI and run az login, or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET</source>
        <translation>install the Azure CLI and run az login, or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET</translation>
    </message>
    <message>
        <source>Azure Resource Manager gave a next page on another host.</source>
        <translation>Azure Resource Manager gave a next page on another host.</translation>
    </message>
    <message>
        <source>Azure subscriptions</source>
        <translation>Azure subscriptions</translation>
    </message>
    <message>
        <source>AKS clusters of subscription %1</source>
        <translation>AKS clusters of subscription %1</translation>
    </message>
    <message>
        <source>%1 is not an AKS cluster's resource id.</source>
        <translation>%1 is not an AKS cluster's resource id.</translation>
    </message>
    <message>
        <source>credentials of AKS cluster %1</source>
        <translation>credentials of AKS cluster %1</translation>
    </message>
</context>
<context>
    <name>Orrery::AzureJson</name>
    <message>
        <source>%1 is larger than %2.</source>
        <translation>%1 is larger than %2.</translation>
    </message>
    <message>
        <source>%1 is not a JSON object.</source>
        <translation>%1 is not a JSON object.</translation>
    </message>
    <message>
        <source>The token endpoint's answer</source>
        <translation>The token endpoint's answer</translation>
    </message>
    <message>
        <source>The token endpoint's answer has no access_token.</source>
        <translation>The token endpoint's answer has no access_token.</translation>
    </message>
    <message>
        <source>The token endpoint answered a %1 token; Orrery needs a Bearer token.</source>
        <translation>The token endpoint answered a %1 token; Orrery needs a Bearer token.</translation>
    </message>
    <message>
        <source>The output of az account get-access-token</source>
        <translation>The output of az account get-access-token</translation>
    </message>
    <message>
        <source>az account get-access-token printed no accessToken.</source>
        <translation>az account get-access-token printed no accessToken.</translation>
    </message>
    <message>
        <source>az account get-access-token printed no expiry (expires_on).</source>
        <translation>az account get-access-token printed no expiry (expires_on).</translation>
    </message>
    <message>
        <source>Microsoft Entra ID answered HTTP %1.</source>
        <translation>Microsoft Entra ID answered HTTP %1.</translation>
    </message>
    <message>
        <source>check AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET, or run az login</source>
        <translation>check AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET, or run az login</translation>
    </message>
    <message>
        <source>Azure Resource Manager answered HTTP %1.</source>
        <translation>Azure Resource Manager answered HTTP %1.</translation>
    </message>
    <message>
        <source>run az login again, or check the service principal</source>
        <translation>run az login again, or check the service principal</translation>
    </message>
    <message>
        <source>ask for a role on the subscription that allows this action</source>
        <translation>ask for a role on the subscription that allows this action</translation>
    </message>
    <message>
        <source>The subscription list</source>
        <translation>The subscription list</translation>
    </message>
    <message>
        <source>The managedClusters list</source>
        <translation>The managedClusters list</translation>
    </message>
    <message>
        <source>The managed cluster</source>
        <translation>The managed cluster</translation>
    </message>
    <message>
        <source>The managed cluster has no resource id.</source>
        <translation>The managed cluster has no resource id.</translation>
    </message>
    <message>
        <source>The cluster credentials</source>
        <translation>The cluster credentials</translation>
    </message>
    <message>
        <source>The cluster's kubeconfig</source>
        <translation>The cluster's kubeconfig</translation>
    </message>
    <message>
        <source>The cluster's kubeconfig is not valid base64.</source>
        <translation>The cluster's kubeconfig is not valid base64.</translation>
    </message>
    <message>
        <source>The cluster credentials hold no kubeconfig.</source>
        <translation>The cluster credentials hold no kubeconfig.</translation>
    </message>
    <message>
        <source>Could not write a temporary file for the cluster's kubeconfig.</source>
        <translation>Could not write a temporary file for the cluster's kubeconfig.</translation>
    </message>
    <message>
        <source>The cluster's kubeconfig has no context.</source>
        <translation>The cluster's kubeconfig has no context.</translation>
    </message>
    <message>
        <source>The cluster's kubeconfig has no cluster or user for context %1.</source>
        <translation>The cluster's kubeconfig has no cluster or user for context %1.</translation>
    </message>
</context>
<context>
    <name>Orrery::BoundedConverter</name>
    <message>
        <source>the YAML expands to more than %1 of text (each use of an alias counts its anchored content again)</source>
        <translation>the YAML expands to more than %1 of text (each use of an alias counts its anchored content again)</translation>
    </message>
</context>
<context>
    <name>Orrery::CloudAccount</name>
    <message>
        <source>%1 is not an app this account can show</source>
        <translation>%1 is not an app this account can show</translation>
    </message>
</context>
<context>
    <name>Orrery::CloudConnections</name>
    <message>
        <source>The context is not in the kubeconfig.</source>
        <translation>The context is not in the kubeconfig.</translation>
    </message>
    <message>
        <source>The account %1 is gone.</source>
        <translation>The account %1 is gone.</translation>
    </message>
</context>
<context>
    <name>Orrery::CloudTreeModel</name>
    <message>
        <source>token expired just now</source>
        <translation>token expired just now</translation>
    </message>
    <message numerus="yes">
        <source>token expired %n min ago</source>
        <translation>
            <numerusform>token expired %n min ago</numerusform>
            <numerusform>token expired %n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>token expires in %n h</source>
        <translation>
            <numerusform>token expires in %n h</numerusform>
            <numerusform>token expires in %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>token expires in %n min</source>
        <translation>
            <numerusform>token expires in %n min</numerusform>
            <numerusform>token expires in %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Credentials</translation>
    </message>
    <message>
        <source>Discovery</source>
        <translation>Discovery</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>credentials refused</source>
        <translation>credentials refused</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>connecting…</translation>
    </message>
    <message>
        <source>refreshing…</source>
        <translation>refreshing…</translation>
    </message>
    <message>
        <source>%1
from %2</source>
        <translation>%1
from %2</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Orrery::CloudsPage</name>
    <message>
        <source>&lt;b&gt;Clouds&lt;/b&gt;: the clusters and apps your cloud credentials can see. Connecting uses a token Orrery makes itself; the kubeconfig is only written by Add to kubeconfig.</source>
        <translation>&lt;b&gt;Clouds&lt;/b&gt;: the clusters and apps your cloud credentials can see. Connecting uses a token Orrery makes itself; the kubeconfig is only written by Add to kubeconfig.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Open the cluster in Orrery with a token made in memory</source>
        <translation>Open the cluster in Orrery with a token made in memory</translation>
    </message>
    <message>
        <source>Add to kubeconfig…</source>
        <translation>Add to kubeconfig…</translation>
    </message>
    <message>
        <source>Write the context the provider's CLI would write, after showing the change</source>
        <translation>Write the context the provider's CLI would write, after showing the change</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Write</translation>
    </message>
</context>
<context>
    <name>Orrery::ClusterOperation</name>
    <message>
        <source>Dry run</source>
        <translation>Dry run</translation>
    </message>
    <message numerus="yes">
        <source>the server validated %n write(s) without storing anything.</source>
        <translation>
            <numerusform>the server validated %n write without storing anything.</numerusform>
            <numerusform>the server validated %n writes without storing anything.</numerusform>
        </translation>
    </message>
    <message>
        <source>The request did not reach the server: %1</source>
        <translation>The request did not reach the server: %1</translation>
    </message>
    <message>
        <source>Forbidden: the user %1 may not %2 %3 on this cluster.</source>
        <translation>Forbidden: the user %1 may not %2 %3 on this cluster.</translation>
    </message>
    <message>
        <source>Forbidden: the user %1 may not %2 %3 in namespace %4.</source>
        <translation>Forbidden: the user %1 may not %2 %3 in namespace %4.</translation>
    </message>
    <message>
        <source>Ask a cluster administrator for this RBAC permission, or use a context with more rights.</source>
        <translation>Ask a cluster administrator for this RBAC permission, or use a context with more rights.</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>The server said: %1</translation>
    </message>
    <message>
        <source>Conflict: the object changed on the server meanwhile (%1). Try again.</source>
        <translation>Conflict: the object changed on the server meanwhile (%1). Try again.</translation>
    </message>
    <message>
        <source>Not found: %1 %2 is not there (any more).</source>
        <translation>Not found: %1 %2 is not there (any more).</translation>
    </message>
    <message>
        <source>The server refused (HTTP %1): %2</source>
        <translation>The server refused (HTTP %1): %2</translation>
    </message>
    <message>
        <source>Not allowed: you may not %1 %2 on this cluster.</source>
        <translation>Not allowed: you may not %1 %2 on this cluster.</translation>
    </message>
    <message>
        <source>Not allowed: you may not %1 %2 in namespace %3.</source>
        <translation>Not allowed: you may not %1 %2 in namespace %3.</translation>
    </message>
    <message>
        <source>The server says: %1</source>
        <translation>The server says: %1</translation>
    </message>
    <message>
        <source>Nothing to change</source>
        <translation>Nothing to change</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>The change failed</source>
        <translation>The change failed</translation>
    </message>
    <message>
        <source>Alertmanager could not be reached: %1</source>
        <translation>Alertmanager could not be reached: %1</translation>
    </message>
    <message>
        <source>Forbidden: reaching Alertmanager through the API server needs the verb "%1" on services/proxy in namespace %2.
The server said: %3</source>
        <translation>Forbidden: reaching Alertmanager through the API server needs the verb "%1" on services/proxy in namespace %2.
The server said: %3</translation>
    </message>
    <message>
        <source>Alertmanager refused (HTTP %1): %2</source>
        <translation>Alertmanager refused (HTTP %1): %2</translation>
    </message>
</context>
<context>
    <name>Orrery::ClusterOverviewPage</name>
    <message>
        <source>Cluster overview</source>
        <translation>Cluster overview</translation>
    </message>
    <message>
        <source>Choose a context to see its cluster.</source>
        <translation>Choose a context to see its cluster.</translation>
    </message>
    <message>
        <source>Cluster %1</source>
        <translation>Cluster %1</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Not connected.</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>Namespaces</translation>
    </message>
    <message>
        <source>Workloads</source>
        <translation>Workloads</translation>
    </message>
    <message>
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <source>%1 running</source>
        <translation>%1 running</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Nodes</translation>
    </message>
    <message>
        <source>%1 ready</source>
        <translation>%1 ready</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Usage</translation>
    </message>
    <message>
        <source>CPU: %1 of %2 allocatable (%3 %)</source>
        <translation>CPU: %1 of %2 allocatable (%3 %)</translation>
    </message>
    <message>
        <source>Memory: %1 of %2 allocatable (%3 %)</source>
        <translation>Memory: %1 of %2 allocatable (%3 %)</translation>
    </message>
    <message>
        <source>No usage figures: metrics-server has not answered (yet).</source>
        <translation>No usage figures: metrics-server has not answered (yet).</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>Nothing needs attention.</source>
        <translation>Nothing needs attention.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s): open the Problems page</source>
        <translation>
            <numerusform>%n problem: open the Problems page</numerusform>
            <numerusform>%n problems: open the Problems page</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Orrery::ClusterRunbookExecutor</name>
    <message>
        <source>timed out waiting for the rollout: %1</source>
        <translation>timed out waiting for the rollout: %1</translation>
    </message>
    <message>
        <source>waited %1 s</source>
        <translation>waited %1 s</translation>
    </message>
    <message>
        <source>setLoad works only on the demo cluster</source>
        <translation>setLoad works only on the demo cluster</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>applied %1 objects from %2</source>
        <translation>applied %1 objects from %2</translation>
    </message>
    <message>
        <source>The simulator drives the load of Deployments and StatefulSets only.</source>
        <translation>The simulator drives the load of Deployments and StatefulSets only.</translation>
    </message>
    <message>
        <source>Set the simulated load of %1 back to its schedule</source>
        <translation>Set the simulated load of %1 back to its schedule</translation>
    </message>
    <message>
        <source>Set the simulated load of %1 to %2% of its peak</source>
        <translation>Set the simulated load of %1 to %2% of its peak</translation>
    </message>
    <message>
        <source>Forbidden: this context's user may not %1 %2 on this cluster.</source>
        <translation>Forbidden: this context's user may not %1 %2 on this cluster.</translation>
    </message>
    <message>
        <source>Forbidden: this context's user may not %1 %2 in namespace %3.</source>
        <translation>Forbidden: this context's user may not %1 %2 in namespace %3.</translation>
    </message>
    <message>
        <source>Ask a cluster administrator for this RBAC permission, or play the runbook with a context that has it.</source>
        <translation>Ask a cluster administrator for this RBAC permission, or play the runbook with a context that has it.</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>The server said: %1</translation>
    </message>
</context>
<context>
    <name>Orrery::ClusterSidebar</name>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Reconnect</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Disconnect</translation>
    </message>
    <message>
        <source>Set Display Name…</source>
        <translation>Set Display Name…</translation>
    </message>
    <message>
        <source>Set Colour…</source>
        <translation>Set Colour…</translation>
    </message>
    <message>
        <source>Protected (Production)</source>
        <translation>Protected (Production)</translation>
    </message>
    <message>
        <source>Display Name</source>
        <translation>Display Name</translation>
    </message>
    <message>
        <source>Name shown for context "%1" (empty: the context name):</source>
        <translation>Name shown for context "%1" (empty: the context name):</translation>
    </message>
    <message>
        <source>Context Colour</source>
        <translation>Context Colour</translation>
    </message>
    <message>
        <source>Marks this context's cluster red everywhere, in every context that reaches it, and asks for confirmation before changes</source>
        <translation>Marks this context's cluster red everywhere, in every context that reaches it, and asks for confirmation before changes</translation>
    </message>
</context>
<context>
    <name>Orrery::ClusterWriteExecutor</name>
    <message>
        <source>Not sent: the audit log could not record this change (%1: %2). Free some disk space or fix the audit directory's permissions, then try again.</source>
        <translation>Not sent: the audit log could not record this change (%1: %2). Free some disk space or fix the audit directory's permissions, then try again.</translation>
    </message>
</context>
<context>
    <name>Orrery::CommandPalette</name>
    <message>
        <source>Jump to a page, kind, context, command or resource of any connected context…</source>
        <translation>Jump to a page, kind, context, command or resource of any connected context…</translation>
    </message>
    <message>
        <source>Nothing matches “%1” in the pages, kinds, contexts, commands or the objects of the connected contexts.</source>
        <translation>Nothing matches “%1” in the pages, kinds, contexts, commands or the objects of the connected contexts.</translation>
    </message>
</context>
<context>
    <name>Orrery::ConfirmDialog</name>
    <message>
        <source>PROTECTED context: type the context name “%1” to unlock this write.</source>
        <translation>PROTECTED context: type the context name “%1” to unlock this write.</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>Context:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Cluster:</source>
        <translation>Cluster:</translation>
    </message>
    <message>
        <source>Namespace:</source>
        <translation>Namespace:</translation>
    </message>
    <message>
        <source>(cluster-scoped)</source>
        <translation>(cluster-scoped)</translation>
    </message>
    <message>
        <source>Object:</source>
        <translation>Object:</translation>
    </message>
    <message>
        <source>Preview on server</source>
        <translation>Preview on server</translation>
    </message>
    <message>
        <source>Send the same request with dryRun=All: the server validates and admits it without storing anything.</source>
        <translation>Send the same request with dryRun=All: the server validates and admits it without storing anything.</translation>
    </message>
    <message>
        <source>Type %1 to confirm</source>
        <translation>Type %1 to confirm</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Asking the server…</translation>
    </message>
    <message>
        <source>Server dry run accepted: %1</source>
        <translation>Server dry run accepted: %1</translation>
    </message>
    <message>
        <source>Server dry run refused: %1</source>
        <translation>Server dry run refused: %1</translation>
    </message>
    <message>
        <source>TLS verification is OFF for this cluster (insecure-skip-tls-verify): the server's identity is not checked, so this write and your credentials go to whoever answers.</source>
        <translation>TLS verification is OFF for this cluster (insecure-skip-tls-verify): the server's identity is not checked, so this write and your credentials go to whoever answers.</translation>
    </message>
</context>
<context>
    <name>Orrery::ContextStatusLabel</name>
    <message>
        <source>(demo)</source>
        <translation>(demo)</translation>
    </message>
    <message>
        <source>PROTECTED</source>
        <translation>PROTECTED</translation>
    </message>
</context>
<context>
    <name>Orrery::ContextStrip</name>
    <message>
        <source>PROTECTED — changes need confirmation</source>
        <translation>PROTECTED — changes need confirmation</translation>
    </message>
    <message>
        <source>Demo cluster — simulated, nothing here is real</source>
        <translation>Demo cluster — simulated, nothing here is real</translation>
    </message>
    <message>
        <source>No cluster selected</source>
        <translation>No cluster selected</translation>
    </message>
    <message>
        <source>Protected</source>
        <translation>Protected</translation>
    </message>
    <message>
        <source>TLS NOT VERIFIED</source>
        <translation>TLS NOT VERIFIED</translation>
    </message>
    <message>
        <source>The kubeconfig sets insecure-skip-tls-verify for this cluster: the server's identity is not checked.</source>
        <translation>The kubeconfig sets insecure-skip-tls-verify for this cluster: the server's identity is not checked.</translation>
    </message>
</context>
<context>
    <name>Orrery::ContextTreeModel</name>
    <message>
        <source>(no cluster)</source>
        <translation>(no cluster)</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <source>Context %1
Server: %2
User: %3
Namespace: %4</source>
        <translation>Context %1
Server: %2
User: %3
Namespace: %4</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Protected: changes need confirmation</source>
        <translation>Protected: changes need confirmation</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message>
        <source>From the cloud account %1, connected in memory (not in the kubeconfig)</source>
        <translation>From the cloud account %1, connected in memory (not in the kubeconfig)</translation>
    </message>
    <message>
        <source>Cloud: %1</source>
        <translation>Cloud: %1</translation>
    </message>
    <message>
        <source>Clusters of %1 connected from the Clouds page</source>
        <translation>Clusters of %1 connected from the Clouds page</translation>
    </message>
</context>
<context>
    <name>Orrery::ControllerRevisionRollback</name>
    <message>
        <source>unable to find specified revision %1 in history</source>
        <translation>unable to find specified revision %1 in history</translation>
    </message>
    <message>
        <source>no rollbacker has been implemented for %1</source>
        <translation>no rollbacker has been implemented for %1</translation>
    </message>
    <message>
        <source>no last revision to roll back to</source>
        <translation>no last revision to roll back to</translation>
    </message>
    <message>
        <source>skipped rollback (current template already matches revision %1)</source>
        <translation>skipped rollback (current template already matches revision %1)</translation>
    </message>
    <message>
        <source>ControllerRevision %1 holds no data</source>
        <translation>ControllerRevision %1 holds no data</translation>
    </message>
    <message>
        <source>Roll back %1 %2/%3 to revision %4</source>
        <translation>Roll back %1 %2/%3 to revision %4</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>rolled back</translation>
    </message>
</context>
<context>
    <name>Orrery::CreateSilenceOperation</name>
    <message>
        <source>Silence %1</source>
        <translation>Silence %1</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>Silence</translation>
    </message>
    <message>
        <source>Cannot silence %1</source>
        <translation>Cannot silence %1</translation>
    </message>
    <message>
        <source>A silence needs at least one matcher: without one it would match nothing, and Alertmanager refuses it.</source>
        <translation>A silence needs at least one matcher: without one it would match nothing, and Alertmanager refuses it.</translation>
    </message>
    <message>
        <source>Say why in the comment: it is what the next person on call reads.</source>
        <translation>Say why in the comment: it is what the next person on call reads.</translation>
    </message>
    <message>
        <source>The silence must end after it starts.</source>
        <translation>The silence must end after it starts.</translation>
    </message>
    <message>
        <source>Silence %1 for %2, until %3, matching %4</source>
        <translation>Silence %1 for %2, until %3, matching %4</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Comment: %1</translation>
    </message>
    <message>
        <source>Created by: %1</source>
        <translation>Created by: %1</translation>
    </message>
    <message>
        <source>Alertmanager has no dry run; the silence was checked here (matchers, comment, times) and nothing was sent.</source>
        <translation>Alertmanager has no dry run; the silence was checked here (matchers, comment, times) and nothing was sent.</translation>
    </message>
    <message>
        <source>%1: done (%2)</source>
        <translation>%1: done (%2)</translation>
    </message>
    <message>
        <source>Silenced %1 until %2 (silence %3)</source>
        <translation>Silenced %1 until %2 (silence %3)</translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation>%1: failed: %2</translation>
    </message>
    <message>
        <source>Silenced %1. Expire the silence again?</source>
        <translation>Silenced %1. Expire the silence again?</translation>
    </message>
    <message>
        <source>the answer could not be read</source>
        <translation>the answer could not be read</translation>
    </message>
</context>
<context>
    <name>Orrery::DeleteDialog</name>
    <message>
        <source>Delete %1</source>
        <translation>Delete %1</translation>
    </message>
    <message>
        <source>Background: delete now, dependants are removed afterwards</source>
        <translation>Background: delete now, dependants are removed afterwards</translation>
    </message>
    <message>
        <source>Foreground: dependants are removed first</source>
        <translation>Foreground: dependants are removed first</translation>
    </message>
    <message>
        <source>Orphan: keep the dependants</source>
        <translation>Orphan: keep the dependants</translation>
    </message>
    <message>
        <source>Dependants:</source>
        <translation>Dependants:</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Review…</translation>
    </message>
</context>
<context>
    <name>Orrery::DeleteOperation</name>
    <message>
        <source>Delete %1</source>
        <translation>Delete %1</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <source>This pod has no controller: once deleted it is gone.</source>
        <translation>This pod has no controller: once deleted it is gone.</translation>
    </message>
    <message>
        <source>%1 controls this pod and will create a replacement right away (this is how a pod is restarted).</source>
        <translation>%1 controls this pod and will create a replacement right away (this is how a pod is restarted).</translation>
    </message>
</context>
<context>
    <name>Orrery::DeploymentRollback</name>
    <message>
        <source>unable to find specified revision %1 in history</source>
        <translation>unable to find specified revision %1 in history</translation>
    </message>
    <message>
        <source>you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again</source>
        <translation>you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again</translation>
    </message>
    <message>
        <source>no rollout history found for deployment "%1"</source>
        <translation>no rollout history found for deployment "%1"</translation>
    </message>
    <message>
        <source>skipped rollback (current template already matches revision %1)</source>
        <translation>skipped rollback (current template already matches revision %1)</translation>
    </message>
    <message>
        <source>Roll back Deployment %1/%2 to revision %3</source>
        <translation>Roll back Deployment %1/%2 to revision %3</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>rolled back</translation>
    </message>
</context>
<context>
    <name>Orrery::DetailsPane</name>
    <message>
        <source>none</source>
        <translation>none</translation>
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
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message numerus="yes">
        <source>%n restart(s)</source>
        <translation>
            <numerusform>%n restart</numerusform>
            <numerusform>%n restarts</numerusform>
        </translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>Requests / limits</source>
        <translation>Requests / limits</translation>
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
        <translation>Reveal value</translation>
    </message>
    <message>
        <source>Values are hidden. Select a key and reveal it; revealed values are kept only while this object is shown and never saved.</source>
        <translation>Values are hidden. Select a key and reveal it; revealed values are kept only while this object is shown and never saved.</translation>
    </message>
    <message>
        <source>Hide all</source>
        <translation>Hide all</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Nothing selected</translation>
    </message>
    <message>
        <source>Select a row to see its details. Enter opens, Esc goes back.</source>
        <translation>Select a row to see its details. Enter opens, Esc goes back.</translation>
    </message>
    <message>
        <source>%1 in namespace %2</source>
        <translation>%1 in namespace %2</translation>
    </message>
    <message>
        <source>%1 — deleted from the cluster</source>
        <translation>%1 — deleted from the cluster</translation>
    </message>
    <message>
        <source>QoS class</source>
        <translation>QoS class</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Node</translation>
    </message>
    <message>
        <source>Service account</source>
        <translation>Service account</translation>
    </message>
    <message>
        <source>Selector</source>
        <translation>Selector</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Strategy</translation>
    </message>
    <message>
        <source> (paused)</source>
        <translation> (paused)</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Scales</source>
        <translation>Scales</translation>
    </message>
    <message>
        <source>Desired replicas</source>
        <translation>Desired replicas</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Volume link</source>
        <translation>Volume link</translation>
    </message>
    <message>
        <source>Claim link</source>
        <translation>Claim link</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Deleting since</source>
        <translation>Deleting since</translation>
    </message>
    <message>
        <source>UID</source>
        <translation>UID</translation>
    </message>
    <message>
        <source>Owned by</source>
        <translation>Owned by</translation>
    </message>
    <message>
        <source>Selects</source>
        <translation>Selects</translation>
    </message>
    <message>
        <source>Owns</source>
        <translation>Owns</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Containers</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>Uses</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>(values hidden; see YAML tab to reveal)</source>
        <translation>(values hidden; see YAML tab to reveal)</translation>
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
        <translation>Loading YAML…</translation>
    </message>
    <message>
        <source>Could not load the YAML</source>
        <translation>Could not load the YAML</translation>
    </message>
    <message>
        <source>secret</source>
        <translation>secret</translation>
    </message>
    <message>
        <source>&lt;could not read: %1&gt;</source>
        <translation>&lt;could not read: %1&gt;</translation>
    </message>
    <message>
        <source>&lt;no value&gt;</source>
        <translation>&lt;no value&gt;</translation>
    </message>
    <message>
        <source>&lt;could not decode&gt;</source>
        <translation>&lt;could not decode&gt;</translation>
    </message>
    <message>
        <source>no pods match this workload's selector</source>
        <translation>no pods match this workload's selector</translation>
    </message>
    <message>
        <source>Following %1</source>
        <translation>Following %1</translation>
    </message>
    <message numerus="yes">
        <source>Following %n container(s), merged</source>
        <translation>
            <numerusform>Following %n container, merged</numerusform>
            <numerusform>Following %n containers, merged</numerusform>
        </translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>No actions for this object</source>
        <translation>No actions for this object</translation>
    </message>
    <message>
        <source>%1 of allocatable</source>
        <translation>%1 of allocatable</translation>
    </message>
    <message>
        <source>no request set</source>
        <translation>no request set</translation>
    </message>
    <message>
        <source>%1 of request</source>
        <translation>%1 of request</translation>
    </message>
    <message>
        <source>no limit set</source>
        <translation>no limit set</translation>
    </message>
    <message>
        <source>%1 of limit</source>
        <translation>%1 of limit</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memory</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metrics</translation>
    </message>
    <message>
        <source>Waiting for the first answer of metrics-server…</source>
        <translation>Waiting for the first answer of metrics-server…</translation>
    </message>
    <message>
        <source>Alerts (%1 firing)</source>
        <translation>Alerts (%1 firing)</translation>
    </message>
    <message>
        <source>silenced</source>
        <translation>silenced</translation>
    </message>
    <message>
        <source>inhibited</source>
        <translation>inhibited</translation>
    </message>
    <message>
        <source>firing</source>
        <translation>firing</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>for %1</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <source>runbook</source>
        <translation>runbook</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>Allocatable</source>
        <translation>Allocatable</translation>
    </message>
    <message>
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <source>The logs are shown in their own window.</source>
        <translation>The logs are shown in their own window.</translation>
    </message>
    <message>
        <source>Show Logs Here</source>
        <translation>Show Logs Here</translation>
    </message>
    <message>
        <source>Logs — %1</source>
        <translation>Logs — %1</translation>
    </message>
</context>
<context>
    <name>Orrery::EditOperation</name>
    <message>
        <source>Secrets are not edited here: Orrery never reads their values. Use Apply manifests… with the whole Secret instead.</source>
        <translation>Secrets are not edited here: Orrery never reads their values. Use Apply manifests… with the whole Secret instead.</translation>
    </message>
    <message>
        <source>edited YAML</source>
        <translation>edited YAML</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>line %1</translation>
    </message>
    <message>
        <source>The edited text is not valid YAML: %1</source>
        <translation>The edited text is not valid YAML: %1</translation>
    </message>
    <message>
        <source>The edited text is not valid YAML (%1): %2</source>
        <translation>The edited text is not valid YAML (%1): %2</translation>
    </message>
    <message>
        <source>The edited text must be one object (a YAML mapping).</source>
        <translation>The edited text must be one object (a YAML mapping).</translation>
    </message>
    <message>
        <source>The kind cannot be changed by an edit (%1, not %2).</source>
        <translation>The kind cannot be changed by an edit (%1, not %2).</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>The name and namespace cannot be changed by an edit: this edits %1. To make a copy, use Apply manifests….</source>
        <translation>The name and namespace cannot be changed by an edit: this edits %1. To make a copy, use Apply manifests….</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <source>Apply changes</source>
        <translation>Apply changes</translation>
    </message>
    <message>
        <source>Cannot edit %1</source>
        <translation>Cannot edit %1</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Changed by someone else</translation>
    </message>
    <message>
        <source>The edit was not applied</source>
        <translation>The edit was not applied</translation>
    </message>
    <message>
        <source>There is no edited text to apply.</source>
        <translation>There is no edited text to apply.</translation>
    </message>
    <message>
        <source>Put %1 back as it was before the edit</source>
        <translation>Put %1 back as it was before the edit</translation>
    </message>
    <message>
        <source>The edited text is the same as %1: nothing to apply.</source>
        <translation>The edited text is the same as %1: nothing to apply.</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>edited</translation>
    </message>
    <message>
        <source>when you started editing</source>
        <translation>when you started editing</translation>
    </message>
    <message>
        <source>live now</source>
        <translation>live now</translation>
    </message>
    <message>
        <source>after the edit</source>
        <translation>after the edit</translation>
    </message>
    <message>
        <source>The server reports no change for this object.</source>
        <translation>The server reports no change for this object.</translation>
    </message>
    <message>
        <source>The server accepted the edit (dry run).</source>
        <translation>The server accepted the edit (dry run).</translation>
    </message>
    <message>
        <source>Someone else changed %1 after you opened it for editing: the server refused to overwrite their change. Reload to edit the latest version, or look at the differences first.</source>
        <translation>Someone else changed %1 after you opened it for editing: the server refused to overwrite their change. Reload to edit the latest version, or look at the differences first.</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>The server said: %1</translation>
    </message>
    <message>
        <source>The server refused the edited %1 as invalid:</source>
        <translation>The server refused the edited %1 as invalid:</translation>
    </message>
    <message>
        <source>Edited %1.</source>
        <translation>Edited %1.</translation>
    </message>
</context>
<context>
    <name>Orrery::ErrorPresenter</name>
    <message>
        <source>You may not list %1 here</source>
        <translation>You may not list %1 here</translation>
    </message>
    <message>
        <source>The cluster rejected your credentials</source>
        <translation>The cluster rejected your credentials</translation>
    </message>
    <message>
        <source>The cluster cannot be reached</source>
        <translation>The cluster cannot be reached</translation>
    </message>
    <message>
        <source>The cluster does not answer</source>
        <translation>The cluster does not answer</translation>
    </message>
    <message>
        <source>This cluster does not serve %1</source>
        <translation>This cluster does not serve %1</translation>
    </message>
    <message>
        <source>The API server reported an error</source>
        <translation>The API server reported an error</translation>
    </message>
    <message>
        <source>%1 cannot be loaded</source>
        <translation>%1 cannot be loaded</translation>
    </message>
    <message>
        <source>Your account lacks the "list" and "watch" permissions for %1. Ask a cluster administrator for them, or check with: kubectl auth can-i list %1</source>
        <translation>Your account lacks the "list" and "watch" permissions for %1. Ask a cluster administrator for them, or check with: kubectl auth can-i list %1</translation>
    </message>
    <message>
        <source>Your login may have expired. Log in again with your cloud or SSO tool (for example "aws sso login" or "gcloud auth login"), then choose Reconnect.</source>
        <translation>Your login may have expired. Log in again with your cloud or SSO tool (for example "aws sso login" or "gcloud auth login"), then choose Reconnect.</translation>
    </message>
    <message>
        <source>Check your network or VPN connection and that the server address in the kubeconfig is right. Orrery keeps retrying.</source>
        <translation>Check your network or VPN connection and that the server address in the kubeconfig is right. Orrery keeps retrying.</translation>
    </message>
    <message>
        <source>The API group is not installed or is disabled on this cluster.</source>
        <translation>The API group is not installed or is disabled on this cluster.</translation>
    </message>
    <message>
        <source>One page of %1 is larger than Orrery accepts, so it stopped loading them instead of downloading the same page again. Listing fewer at a time helps: a smaller page size or one namespace at a time (try: kubectl get %1 --chunk-size=50 -n NAMESPACE). Choose Reconnect to try again.</source>
        <translation>One page of %1 is larger than Orrery accepts, so it stopped loading them instead of downloading the same page again. Listing fewer at a time helps: a smaller page size or one namespace at a time (try: kubectl get %1 --chunk-size=50 -n NAMESPACE). Choose Reconnect to try again.</translation>
    </message>
    <message>
        <source>Orrery keeps retrying.</source>
        <translation>Orrery keeps retrying.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>Reloading %1: %2.</source>
        <translation>Reloading %1: %2.</translation>
    </message>
    <message>
        <source>Reloading all clusters: %1.</source>
        <translation>Reloading all clusters: %1.</translation>
    </message>
    <message>
        <source>%1 %2 is not in the cluster (any more).</source>
        <translation>%1 %2 is not in the cluster (any more).</translation>
    </message>
    <message>
        <source>The cluster's certificate is not the one the kubeconfig trusts</source>
        <translation>The cluster's certificate is not the one the kubeconfig trusts</translation>
    </message>
    <message>
        <source>The server's certificate changed or the kubeconfig's certificate authority or client certificate is out of date. Refresh the credentials (for example "aws eks update-kubeconfig" or "az aks get-credentials"): Orrery reloads the kubeconfig when it changes. If the certificate changed unexpectedly, check with your cluster administrator before trusting it.</source>
        <translation>The server's certificate changed or the kubeconfig's certificate authority or client certificate is out of date. Refresh the credentials (for example "aws eks update-kubeconfig" or "az aks get-credentials"): Orrery reloads the kubeconfig when it changes. If the certificate changed unexpectedly, check with your cluster administrator before trusting it.</translation>
    </message>
</context>
<context>
    <name>Orrery::EventFilterProxyModel</name>
    <message numerus="yes">
        <source>%n event(s) grouped: same type, reason, object and message</source>
        <translation>
            <numerusform>%n event grouped: same type, reason, object and message</numerusform>
            <numerusform>%n events grouped: same type, reason, object and message</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Orrery::ExecOperation</name>
    <message>
        <source>Open a shell in %1</source>
        <translation>Open a shell in %1</translation>
    </message>
    <message>
        <source>Open Shell</source>
        <translation>Open Shell</translation>
    </message>
    <message>
        <source>Cannot open a shell</source>
        <translation>Cannot open a shell</translation>
    </message>
    <message>
        <source>Opening a shell in %1…</source>
        <translation>Opening a shell in %1…</translation>
    </message>
    <message>
        <source>cannot exec into a container in a completed pod; current phase is %1</source>
        <translation>cannot exec into a container in a completed pod; current phase is %1</translation>
    </message>
    <message>
        <source>pod %1 has no container to exec into</source>
        <translation>pod %1 has no container to exec into</translation>
    </message>
    <message>
        <source>container %1 not found in pod %2</source>
        <translation>container %1 not found in pod %2</translation>
    </message>
    <message>
        <source>you must specify at least one command</source>
        <translation>you must specify at least one command</translation>
    </message>
    <message>
        <source>Run %1 in container %2 of pod %3/%4</source>
        <translation>Run %1 in container %2 of pod %3/%4</translation>
    </message>
    <message>
        <source>%1: not allowed</source>
        <translation>%1: not allowed</translation>
    </message>
    <message>
        <source>%1: not opened</source>
        <translation>%1: not opened</translation>
    </message>
    <message>
        <source>%1: opened (%2)</source>
        <translation>%1: opened (%2)</translation>
    </message>
    <message>
        <source>ok: exited with code %1</source>
        <translation>ok: exited with code %1</translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation>%1: failed: %2</translation>
    </message>
</context>
<context>
    <name>Orrery::ExecTerminal</name>
    <message>
        <source>Reconnect</source>
        <translation>Reconnect</translation>
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
        <translation>Connecting to %1 in %2 (%3)…</translation>
    </message>
    <message>
        <source>%1 in %2 (%3) — %4</source>
        <translation>%1 in %2 (%3) — %4</translation>
    </message>
    <message>
        <source>The shell exited with code %1.</source>
        <translation>The shell exited with code %1.</translation>
    </message>
    <message>
        <source>Not allowed to open a shell here: %1</source>
        <translation>Not allowed to open a shell here: %1</translation>
    </message>
    <message>
        <source>The shell ended: %1</source>
        <translation>The shell ended: %1</translation>
    </message>
</context>
<context>
    <name>Orrery::ExpireSilenceOperation</name>
    <message>
        <source>Expire silence %1</source>
        <translation>Expire silence %1</translation>
    </message>
    <message>
        <source>Expire</source>
        <translation>Expire</translation>
    </message>
    <message>
        <source>Cannot expire silence %1</source>
        <translation>Cannot expire silence %1</translation>
    </message>
    <message>
        <source>the connection to Alertmanager is closed</source>
        <translation>the connection to Alertmanager is closed</translation>
    </message>
    <message>
        <source>Alertmanager has no silence %1 (expired silences are kept only for a while)</source>
        <translation>Alertmanager has no silence %1 (expired silences are kept only for a while)</translation>
    </message>
    <message>
        <source>silence %1 is already expired</source>
        <translation>silence %1 is already expired</translation>
    </message>
    <message>
        <source>Expire silence %1 matching %2</source>
        <translation>Expire silence %1 matching %2</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Comment: %1</translation>
    </message>
    <message>
        <source>Created by: %1</source>
        <translation>Created by: %1</translation>
    </message>
    <message>
        <source>Alertmanager has no dry run; nothing was sent.</source>
        <translation>Alertmanager has no dry run; nothing was sent.</translation>
    </message>
    <message>
        <source>Expired silence %1. Silence the same alerts again until %2?</source>
        <translation>Expired silence %1. Silence the same alerts again until %2?</translation>
    </message>
</context>
<context>
    <name>Orrery::Fields</name>
    <message>
        <source>step "%1" needs "%2"</source>
        <translation>step "%1" needs "%2"</translation>
    </message>
    <message>
        <source>"%1" of step "%2" must be a single value</source>
        <translation>"%1" of step "%2" must be a single value</translation>
    </message>
    <message>
        <source>"%1" of step "%2" must be a whole number from %3 to %4</source>
        <translation>"%1" of step "%2" must be a whole number from %3 to %4</translation>
    </message>
    <message>
        <source>"%1" of step "%2" must be true or false</source>
        <translation>"%1" of step "%2" must be true or false</translation>
    </message>
    <message>
        <source>target "%1" of step "%2" must look like deployment/NAME, statefulset/NAME or daemonset/NAME</source>
        <translation>target "%1" of step "%2" must look like deployment/NAME, statefulset/NAME or daemonset/NAME</translation>
    </message>
    <message>
        <source>step "%1" has no field "%2"</source>
        <translation>step "%1" has no field "%2"</translation>
    </message>
</context>
<context>
    <name>Orrery::FlyAccount</name>
    <message>
        <source>No Fly.io token: FLY_API_TOKEN is not set and flyctl has not logged in</source>
        <translation>No Fly.io token: FLY_API_TOKEN is not set and flyctl has not logged in</translation>
    </message>
    <message>
        <source>Run `fly auth login`, or set FLY_API_TOKEN to a token from `fly tokens create`</source>
        <translation>Run `fly auth login`, or set FLY_API_TOKEN to a token from `fly tokens create`</translation>
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
        <translation>%1 is a Fly.io app, not a Kubernetes cluster</translation>
    </message>
</context>
<context>
    <name>Orrery::FlyAppActions</name>
    <message>
        <source>Deploy %1's image</source>
        <translation>Deploy %1's image</translation>
    </message>
    <message>
        <source>Deploy %1's image (%2)</source>
        <translation>Deploy %1's image (%2)</translation>
    </message>
    <message>
        <source>Scale %1</source>
        <translation>Scale %1</translation>
    </message>
    <message>
        <source>Machines in process group %1 of %2:</source>
        <translation>Machines in process group %1 of %2:</translation>
    </message>
</context>
<context>
    <name>Orrery::FlyClient</name>
    <message>
        <source>Fly.io rejected the token: run `fly auth login`, or set FLY_API_TOKEN to a token from `fly tokens create`</source>
        <translation>Fly.io rejected the token: run `fly auth login`, or set FLY_API_TOKEN to a token from `fly tokens create`</translation>
    </message>
</context>
<context>
    <name>Orrery::FlyOperation</name>
    <message>
        <source>Restart machine %1</source>
        <translation>Restart machine %1</translation>
    </message>
    <message>
        <source>Stop machine %1</source>
        <translation>Stop machine %1</translation>
    </message>
    <message>
        <source>Start machine %1</source>
        <translation>Start machine %1</translation>
    </message>
    <message numerus="yes">
        <source>Scale %1 of %2 to %n machine(s)</source>
        <translation>
            <numerusform>Scale %1 of %2 to %n machine</numerusform>
            <numerusform>Scale %1 of %2 to %n machines</numerusform>
        </translation>
    </message>
    <message>
        <source>Deploy release v%1's image to %2</source>
        <translation>Deploy release v%1's image to %2</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Restart</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Scale</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>Deploy</translation>
    </message>
    <message>
        <source>Cannot restart the machine</source>
        <translation>Cannot restart the machine</translation>
    </message>
    <message>
        <source>Cannot stop the machine</source>
        <translation>Cannot stop the machine</translation>
    </message>
    <message>
        <source>Cannot start the machine</source>
        <translation>Cannot start the machine</translation>
    </message>
    <message>
        <source>Cannot scale %1</source>
        <translation>Cannot scale %1</translation>
    </message>
    <message>
        <source>Cannot deploy to %1</source>
        <translation>Cannot deploy to %1</translation>
    </message>
    <message>
        <source>the Fly.io account is gone</source>
        <translation>the Fly.io account is gone</translation>
    </message>
    <message>
        <source>%1 has no machine %2</source>
        <translation>%1 has no machine %2</translation>
    </message>
    <message>
        <source>machine %1 is already stopped</source>
        <translation>machine %1 is already stopped</translation>
    </message>
    <message>
        <source>machine %1 is already started</source>
        <translation>machine %1 is already started</translation>
    </message>
    <message numerus="yes">
        <source>%1 already has %n machine(s)</source>
        <translation>
            <numerusform>%1 already has %n machine</numerusform>
            <numerusform>%1 already has %n machines</numerusform>
        </translation>
    </message>
    <message>
        <source>every machine of %1 already runs %2</source>
        <translation>every machine of %1 already runs %2</translation>
    </message>
    <message>
        <source>Machine %1 is %2: only a started machine can be restarted; start it instead.</source>
        <translation>Machine %1 is %2: only a started machine can be restarted; start it instead.</translation>
    </message>
    <message>
        <source>Restart machine %1 of %2</source>
        <translation>Restart machine %1 of %2</translation>
    </message>
    <message>
        <source>Stop machine %1 of %2</source>
        <translation>Stop machine %1 of %2</translation>
    </message>
    <message>
        <source>Start machine %1 of %2</source>
        <translation>Start machine %1 of %2</translation>
    </message>
    <message>
        <source>A process group can have between 0 and %1 machines here.</source>
        <translation>A process group can have between 0 and %1 machines here.</translation>
    </message>
    <message>
        <source>%1 has no machine in group %2 to copy: deploy it with flyctl first.</source>
        <translation>%1 has no machine in group %2 to copy: deploy it with flyctl first.</translation>
    </message>
    <message>
        <source>Create a machine of %1 in %2 running %3</source>
        <translation>Create a machine of %1 in %2 running %3</translation>
    </message>
    <message>
        <source>Destroy machine %1 of %2</source>
        <translation>Destroy machine %1 of %2</translation>
    </message>
    <message>
        <source>%1 has no release v%2 (Fly.io lists the last %3 releases)</source>
        <translation>%1 has no release v%2 (Fly.io lists the last %3 releases)</translation>
    </message>
    <message>
        <source>Release v%1 of %2 has no image to deploy.</source>
        <translation>Release v%1 of %2 has no image to deploy.</translation>
    </message>
    <message>
        <source>Update machine %1 of %2 from %3 to %4 (v%5)</source>
        <translation>Update machine %1 of %2 from %3 to %4 (v%5)</translation>
    </message>
    <message>
        <source>Unknown Fly.io action</source>
        <translation>Unknown Fly.io action</translation>
    </message>
    <message>
        <source>Running now: v%1; deploying v%2 (%3, %4).</source>
        <translation>Running now: v%1; deploying v%2 (%3, %4).</translation>
    </message>
    <message>
        <source>Fly.io has no rollback: the machines get v%1's image again; no new release is recorded.</source>
        <translation>Fly.io has no rollback: the machines get v%1's image again; no new release is recorded.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n machine(s) now.</source>
        <translation>
            <numerusform>%1 has %n machine now.</numerusform>
            <numerusform>%1 has %n machines now.</numerusform>
        </translation>
    </message>
    <message>
        <source>Fly.io has no dry run; nothing was sent. The machines and releases were read just now.</source>
        <translation>Fly.io has no dry run; nothing was sent. The machines and releases were read just now.</translation>
    </message>
    <message>
        <source>Stopped the machine. Start it again?</source>
        <translation>Stopped the machine. Start it again?</translation>
    </message>
    <message>
        <source>Started the machine. Stop it again?</source>
        <translation>Started the machine. Stop it again?</translation>
    </message>
    <message numerus="yes">
        <source>Scaled %1. Back to %n machine(s)?</source>
        <translation>
            <numerusform>Scaled %1. Back to %n machine?</numerusform>
            <numerusform>Scaled %1. Back to %n machines?</numerusform>
        </translation>
    </message>
    <message>
        <source>Deployed v%1's image. Deploy v%2 again?</source>
        <translation>Deployed v%1's image. Deploy v%2 again?</translation>
    </message>
    <message>
        <source>Fly.io could not be reached: %1</source>
        <translation>Fly.io could not be reached: %1</translation>
    </message>
    <message>
        <source>Fly.io refused %1: another change holds the machine's lease (a deploy or another operator). It said: %2</source>
        <translation>Fly.io refused %1: another change holds the machine's lease (a deploy or another operator). It said: %2</translation>
    </message>
    <message>
        <source>Fly.io rejected the token (HTTP 401): %1</source>
        <translation>Fly.io rejected the token (HTTP 401): %1</translation>
    </message>
    <message>
        <source>Fly.io refused %1 (HTTP %2): %3</source>
        <translation>Fly.io refused %1 (HTTP %2): %3</translation>
    </message>
</context>
<context>
    <name>Orrery::FlyResponse</name>
    <message>
        <source>Fly.io's answer is not %1</source>
        <translation>Fly.io's answer is not %1</translation>
    </message>
    <message>
        <source>a GraphQL answer</source>
        <translation>a GraphQL answer</translation>
    </message>
    <message>
        <source>Fly.io's GraphQL API answered with an error</source>
        <translation>Fly.io's GraphQL API answered with an error</translation>
    </message>
    <message>
        <source>a list of apps</source>
        <translation>a list of apps</translation>
    </message>
    <message>
        <source>an app</source>
        <translation>an app</translation>
    </message>
    <message>
        <source>a list of machines</source>
        <translation>a list of machines</translation>
    </message>
    <message>
        <source>a machine</source>
        <translation>a machine</translation>
    </message>
    <message>
        <source>Fly.io has no such app</source>
        <translation>Fly.io has no such app</translation>
    </message>
</context>
<context>
    <name>Orrery::Freshness</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Live · last update %1 ago</source>
        <translation>Live · last update %1 ago</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconnecting…</translation>
    </message>
    <message>
        <source>Reconnecting: %1</source>
        <translation>Reconnecting: %1</translation>
    </message>
    <message>
        <source>STALE · data is %1 old</source>
        <translation>STALE · data is %1 old</translation>
    </message>
    <message>
        <source>STALE</source>
        <translation>STALE</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message numerus="yes">
        <source>The watches look open but nothing arrived for over %n minute(s); the connection is probably dead. Orrery reconnects by itself; Ctrl+R reconnects now.</source>
        <translation>
            <numerusform>The watches look open but nothing arrived for over %n minute; the connection is probably dead. Orrery reconnects by itself; Ctrl+R reconnects now.</numerusform>
            <numerusform>The watches look open but nothing arrived for over %n minutes; the connection is probably dead. Orrery reconnects by itself; Ctrl+R reconnects now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ These %1 may be out of date: no update for %n s.</source>
        <translation>
            <numerusform>⚠ These %1 may be out of date: no update for %n s.</numerusform>
            <numerusform>⚠ These %1 may be out of date: no update for %n s.</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ These %1 may be out of date.</source>
        <translation>⚠ These %1 may be out of date.</translation>
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
        <translation>an access token</translation>
    </message>
    <message>
        <source>%1 is not a GKE cluster</source>
        <translation>%1 is not a GKE cluster</translation>
    </message>
    <message>
        <source>GKE cluster %1 has no endpoint yet (is it still provisioning?)</source>
        <translation>GKE cluster %1 has no endpoint yet (is it still provisioning?)</translation>
    </message>
    <message>
        <source>GKE gave no CA certificate for %1: TLS verification is disabled for it</source>
        <translation>GKE gave no CA certificate for %1: TLS verification is disabled for it</translation>
    </message>
</context>
<context>
    <name>Orrery::GcpClient</name>
    <message>
        <source>the projects of %1</source>
        <translation>the projects of %1</translation>
    </message>
    <message>
        <source>GKE clusters of project %1</source>
        <translation>GKE clusters of project %1</translation>
    </message>
    <message>
        <source>GKE cluster %1 in %2</source>
        <translation>GKE cluster %1 in %2</translation>
    </message>
</context>
<context>
    <name>Orrery::GcpJwt</name>
    <message>
        <source>The service account key's private_key is not an RSA key in PEM form.</source>
        <translation>The service account key's private_key is not an RSA key in PEM form.</translation>
    </message>
    <message>
        <source>OpenSSL could not sign the JWT.</source>
        <translation>OpenSSL could not sign the JWT.</translation>
    </message>
</context>
<context>
    <name>Orrery::GcpResponse</name>
    <message>
        <source>The GKE cluster list</source>
        <translation>The GKE cluster list</translation>
    </message>
    <message>
        <source>The GKE cluster list holds more than %1 clusters.</source>
        <translation>The GKE cluster list holds more than %1 clusters.</translation>
    </message>
    <message>
        <source>The GKE cluster</source>
        <translation>The GKE cluster</translation>
    </message>
    <message>
        <source>The GKE cluster has no name.</source>
        <translation>The GKE cluster has no name.</translation>
    </message>
    <message>
        <source>The project list</source>
        <translation>The project list</translation>
    </message>
    <message>
        <source>The project list holds more than %1 projects.</source>
        <translation>The project list holds more than %1 projects.</translation>
    </message>
    <message>
        <source>The token endpoint's answer</source>
        <translation>The token endpoint's answer</translation>
    </message>
    <message>
        <source>The token endpoint's answer has no usable access_token.</source>
        <translation>The token endpoint's answer has no usable access_token.</translation>
    </message>
    <message>
        <source>The token endpoint gave a %1 token, not a Bearer token.</source>
        <translation>The token endpoint gave a %1 token, not a Bearer token.</translation>
    </message>
    <message>
        <source>gcloud config config-helper's output</source>
        <translation>gcloud config config-helper's output</translation>
    </message>
    <message>
        <source>gcloud printed no access token.</source>
        <translation>gcloud printed no access token.</translation>
    </message>
    <message>
        <source>The service account key file</source>
        <translation>The service account key file</translation>
    </message>
    <message>
        <source>The key file is not a service account key (it has no type).</source>
        <translation>The key file is not a service account key (it has no type).</translation>
    </message>
    <message>
        <source>The key file is a %1 credential, not a service account key.</source>
        <translation>The key file is a %1 credential, not a service account key.</translation>
    </message>
    <message>
        <source>create a JSON key with gcloud iam service-accounts keys create</source>
        <translation>create a JSON key with gcloud iam service-accounts keys create</translation>
    </message>
    <message>
        <source>The service account key has no client_email or private_key.</source>
        <translation>The service account key has no client_email or private_key.</translation>
    </message>
    <message>
        <source>log in again with gcloud auth login, or check the service account key</source>
        <translation>log in again with gcloud auth login, or check the service account key</translation>
    </message>
    <message>
        <source>ask for the Kubernetes Engine Cluster Viewer role (roles/container.clusterViewer) on the project</source>
        <translation>ask for the Kubernetes Engine Cluster Viewer role (roles/container.clusterViewer) on the project</translation>
    </message>
</context>
<context>
    <name>Orrery::GcpTokenSource</name>
    <message>
        <source>Cannot read the service account key file.</source>
        <translation>Cannot read the service account key file.</translation>
    </message>
    <message>
        <source>service account key %1</source>
        <translation>service account key %1</translation>
    </message>
    <message>
        <source>gcloud login</source>
        <translation>gcloud login</translation>
    </message>
    <message>
        <source>gcloud login (configuration %1)</source>
        <translation>gcloud login (configuration %1)</translation>
    </message>
    <message>
        <source>gcloud is not installed (not found on PATH).</source>
        <translation>gcloud is not installed (not found on PATH).</translation>
    </message>
    <message>
        <source>install the Google Cloud CLI, or use a service account key</source>
        <translation>install the Google Cloud CLI, or use a service account key</translation>
    </message>
    <message>
        <source>gcloud config config-helper</source>
        <translation>gcloud config config-helper</translation>
    </message>
    <message>
        <source>gcloud could not start: %1</source>
        <translation>gcloud could not start: %1</translation>
    </message>
    <message>
        <source>gcloud did not answer in %1 s.</source>
        <translation>gcloud did not answer in %1 s.</translation>
    </message>
    <message>
        <source>gcloud failed (exit code %1).</source>
        <translation>gcloud failed (exit code %1).</translation>
    </message>
    <message>
        <source>run gcloud auth login</source>
        <translation>run gcloud auth login</translation>
    </message>
    <message>
        <source>gcloud printed more than 1 MiB.</source>
        <translation>gcloud printed more than 1 MiB.</translation>
    </message>
    <message>
        <source>token endpoint %1</source>
        <translation>token endpoint %1</translation>
    </message>
    <message>
        <source>The token endpoint did not answer.</source>
        <translation>The token endpoint did not answer.</translation>
    </message>
    <message>
        <source>the key %1 of %2 may have been deleted or disabled; create a new key</source>
        <translation>the key %1 of %2 may have been deleted or disabled; create a new key</translation>
    </message>
</context>
<context>
    <name>Orrery::GitHubClient</name>
    <message>
        <source>give the workflow to run by its file name (deploy.yml) or id</source>
        <translation>give the workflow to run by its file name (deploy.yml) or id</translation>
    </message>
    <message>
        <source>the run waits at no deployment you may review</source>
        <translation>the run waits at no deployment you may review</translation>
    </message>
    <message>
        <source>job %1 waits at no pending deployment of this run</source>
        <translation>job %1 waits at no pending deployment of this run</translation>
    </message>
</context>
<context>
    <name>Orrery::GitHubCredentials</name>
    <message>
        <source>this is not a GitHub token (one line without spaces)</source>
        <translation>this is not a GitHub token (one line without spaces)</translation>
    </message>
    <message>
        <source>GH_TOKEN and GITHUB_TOKEN are not set</source>
        <translation>GH_TOKEN and GITHUB_TOKEN are not set</translation>
    </message>
    <message>
        <source>GH_ENTERPRISE_TOKEN is not set</source>
        <translation>GH_ENTERPRISE_TOKEN is not set</translation>
    </message>
    <message>
        <source>gh is not installed</source>
        <translation>gh is not installed</translation>
    </message>
    <message>
        <source>"gh auth token" did not answer within %1 s</source>
        <translation>"gh auth token" did not answer within %1 s</translation>
    </message>
    <message>
        <source>"gh auth token --hostname %1" failed: %2</source>
        <translation>"gh auth token --hostname %1" failed: %2</translation>
    </message>
    <message>
        <source>gh could not run: %1</source>
        <translation>gh could not run: %1</translation>
    </message>
    <message>
        <source>no token for %1 in %2</source>
        <translation>no token for %1 in %2</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 could not be read: %2</translation>
    </message>
    <message>
        <source>no GitHub token for %1 (%2)</source>
        <translation>no GitHub token for %1 (%2)</translation>
    </message>
    <message>
        <source>set GH_TOKEN, run "gh auth login", or enter a token</source>
        <translation>set GH_TOKEN, run "gh auth login", or enter a token</translation>
    </message>
    <message>
        <source>set GH_ENTERPRISE_TOKEN, run "gh auth login --hostname %1", or enter a token</source>
        <translation>set GH_ENTERPRISE_TOKEN, run "gh auth login --hostname %1", or enter a token</translation>
    </message>
</context>
<context>
    <name>Orrery::GitHubResponse</name>
    <message>
        <source>the workflow run has no id</source>
        <translation>the workflow run has no id</translation>
    </message>
    <message>
        <source>the answer is not a list of pending deployments</source>
        <translation>the answer is not a list of pending deployments</translation>
    </message>
    <message>
        <source>the repository has no default branch</source>
        <translation>the repository has no default branch</translation>
    </message>
    <message>
        <source>the file is not served inline (encoding "%1")</source>
        <translation>the file is not served inline (encoding "%1")</translation>
    </message>
    <message>
        <source>the workflow file is larger than %1</source>
        <translation>the workflow file is larger than %1</translation>
    </message>
    <message>
        <source>the workflow file has no jobs</source>
        <translation>the workflow file has no jobs</translation>
    </message>
    <message>
        <source>GitHub's rate limit was hit; it asks to wait %1 s before the next request</source>
        <translation>GitHub's rate limit was hit; it asks to wait %1 s before the next request</translation>
    </message>
    <message>
        <source>GitHub's API rate limit of %1 requests an hour is used up; it resets at %2 UTC</source>
        <translation>GitHub's API rate limit of %1 requests an hour is used up; it resets at %2 UTC</translation>
    </message>
    <message>
        <source>GitHub's API rate limit of %1 requests an hour is used up</source>
        <translation>GitHub's API rate limit of %1 requests an hour is used up</translation>
    </message>
    <message>
        <source>GitHub answered HTTP %1</source>
        <translation>GitHub answered HTTP %1</translation>
    </message>
    <message>
        <source>the GitHub token was refused: set GH_TOKEN (GH_ENTERPRISE_TOKEN for GitHub Enterprise Server), run "gh auth login", or enter a token</source>
        <translation>the GitHub token was refused: set GH_TOKEN (GH_ENTERPRISE_TOKEN for GitHub Enterprise Server), run "gh auth login", or enter a token</translation>
    </message>
    <message>
        <source>GitHub answers 404 for a private repository the token cannot read</source>
        <translation>GitHub answers 404 for a private repository the token cannot read</translation>
    </message>
</context>
<context>
    <name>Orrery::GitLabClient</name>
    <message>
        <source>the project has no default branch: give a ref</source>
        <translation>the project has no default branch: give a ref</translation>
    </message>
    <message>
        <source>GitLab cannot reject a manual job: leave it unplayed, or cancel the pipeline</source>
        <translation>GitLab cannot reject a manual job: leave it unplayed, or cancel the pipeline</translation>
    </message>
</context>
<context>
    <name>Orrery::GitLabResponse</name>
    <message>
        <source>a GitLab pipeline</source>
        <translation>a GitLab pipeline</translation>
    </message>
    <message>
        <source>the CI configuration is larger than %1</source>
        <translation>the CI configuration is larger than %1</translation>
    </message>
    <message>
        <source>a GitLab project</source>
        <translation>a GitLab project</translation>
    </message>
</context>
<context>
    <name>Orrery::HelmCodec</name>
    <message>
        <source>Could not initialise zlib.</source>
        <translation>Could not initialise zlib.</translation>
    </message>
    <message>
        <source>The release data is not valid gzip.</source>
        <translation>The release data is not valid gzip.</translation>
    </message>
    <message>
        <source>The release data is truncated.</source>
        <translation>The release data is truncated.</translation>
    </message>
    <message>
        <source>The release data is not valid base64.</source>
        <translation>The release data is not valid base64.</translation>
    </message>
    <message>
        <source>The release data is not a JSON release.</source>
        <translation>The release data is not a JSON release.</translation>
    </message>
    <message>
        <source>The Secret holds no release.</source>
        <translation>The Secret holds no release.</translation>
    </message>
    <message>
        <source>The Secret's data is not valid base64.</source>
        <translation>The Secret's data is not valid base64.</translation>
    </message>
    <message>
        <source>The release data decompresses to more than %1 (maxDecompressedBytes).</source>
        <translation>The release data decompresses to more than %1 (maxDecompressedBytes).</translation>
    </message>
    <message>
        <source>The release has no valid revision number ("version").</source>
        <translation>The release has no valid revision number ("version").</translation>
    </message>
</context>
<context>
    <name>Orrery::HelmPage</name>
    <message>
        <source>Helm releases</source>
        <translation>Helm releases</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Roll back to revision…</source>
        <translation>Roll back to revision…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
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
        <translation>Chart version</translation>
    </message>
    <message>
        <source>App version</source>
        <translation>App version</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>Manifest</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Values</translation>
    </message>
    <message>
        <source>From revision</source>
        <translation>From revision</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>Diff</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Select a release and the revision to go back to.</source>
        <translation>Select a release and the revision to go back to.</translation>
    </message>
    <message>
        <source>No cluster connected.</source>
        <translation>No cluster connected.</translation>
    </message>
    <message>
        <source>Reading the release Secrets of %1…</source>
        <translation>Reading the release Secrets of %1…</translation>
    </message>
    <message>
        <source>You may not read Secrets here, and Helm keeps its releases in Secrets: %1</source>
        <translation>You may not read Secrets here, and Helm keeps its releases in Secrets: %1</translation>
    </message>
    <message>
        <source>Cannot read the releases: %1</source>
        <translation>Cannot read the releases: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n release(s) in %1</source>
        <translation>
            <numerusform>%n release in %1</numerusform>
            <numerusform>%n releases in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n revision(s) could not be decoded: %1</source>
        <translation>
            <numerusform>%n revision could not be decoded: %1</numerusform>
            <numerusform>%n revisions could not be decoded: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Roll back to revision %1…</source>
        <translation>Roll back to revision %1…</translation>
    </message>
    <message>
        <source>Revision %1 is the current one.</source>
        <translation>Revision %1 is the current one.</translation>
    </message>
    <message>
        <source>Roll %1 back to revision %2 (as helm rollback)</source>
        <translation>Roll %1 back to revision %2 (as helm rollback)</translation>
    </message>
    <message>
        <source>Revisions %1 and %2 do not differ.</source>
        <translation>Revisions %1 and %2 do not differ.</translation>
    </message>
    <message>
        <source>Checking permission…</source>
        <translation>Checking permission…</translation>
    </message>
    <message>
        <source>Reveal value</source>
        <translation>Reveal value</translation>
    </message>
    <message>
        <source>Secret values are hidden. Select a key and reveal it; revealed values are kept only while this revision is shown.</source>
        <translation>Secret values are hidden. Select a key and reveal it; revealed values are kept only while this revision is shown.</translation>
    </message>
    <message>
        <source>Hide all</source>
        <translation>Hide all</translation>
    </message>
    <message>
        <source>&lt;no value&gt;</source>
        <translation>&lt;no value&gt;</translation>
    </message>
</context>
<context>
    <name>Orrery::HelmReleaseRollback</name>
    <message>
        <source>You may not read Secrets in namespace %1, and Helm keeps its releases in Secrets. Ask a cluster administrator for this RBAC permission, or use a context with more rights.</source>
        <translation>You may not read Secrets in namespace %1, and Helm keeps its releases in Secrets. Ask a cluster administrator for this RBAC permission, or use a context with more rights.</translation>
    </message>
    <message>
        <source>Roll back %1</source>
        <translation>Roll back %1</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Roll back</translation>
    </message>
    <message>
        <source>Cannot roll back the release</source>
        <translation>Cannot roll back the release</translation>
    </message>
    <message>
        <source>Helm keeps every revision of a release in a Secret of its namespace.</source>
        <translation>Helm keeps every revision of a release in a Secret of its namespace.</translation>
    </message>
    <message>
        <source>A rollback writes every object of the target revision's manifest.</source>
        <translation>A rollback writes every object of the target revision's manifest.</translation>
    </message>
    <message>
        <source>Roll back Helm release %1 from revision %2 to %3 (new revision %4).</source>
        <translation>Roll back Helm release %1 from revision %2 to %3 (new revision %4).</translation>
    </message>
    <message>
        <source>The server first checks the target manifest (dry run): if it refuses, nothing is written.</source>
        <translation>The server first checks the target manifest (dry run): if it refuses, nothing is written.</translation>
    </message>
    <message numerus="yes">
        <source>the server validated %n object(s) of the target manifest without storing anything.</source>
        <translation>
            <numerusform>the server validated %n object of the target manifest without storing anything.</numerusform>
            <numerusform>the server validated %n objects of the target manifest without storing anything.</numerusform>
        </translation>
    </message>
    <message>
        <source>Helm rollback of %1</source>
        <translation>Helm rollback of %1</translation>
    </message>
</context>
<context>
    <name>Orrery::HelmReleases</name>
    <message>
        <source>release: not found</source>
        <translation>release: not found</translation>
    </message>
    <message>
        <source>The server sent an invalid Secret list.</source>
        <translation>The server sent an invalid Secret list.</translation>
    </message>
</context>
<context>
    <name>Orrery::HelmRollback</name>
    <message>
        <source>Record revision %1 of Helm release %2 as %3</source>
        <translation>Record revision %1 of Helm release %2 as %3</translation>
    </message>
    <message>
        <source>invalid release revision</source>
        <translation>invalid release revision</translation>
    </message>
    <message>
        <source>release: not found</source>
        <translation>release: not found</translation>
    </message>
    <message>
        <source>release has no %1 version</source>
        <translation>release has no %1 version</translation>
    </message>
    <message>
        <source>Delete %1 %2 (not in revision %3), unless it is annotated helm.sh/resource-policy: keep</source>
        <translation>Delete %1 %2 (not in revision %3), unless it is annotated helm.sh/resource-policy: keep</translation>
    </message>
</context>
<context>
    <name>Orrery::HelmRollbackOperation</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Rollback "%1" failed: %2</source>
        <translation>Rollback "%1" failed: %2</translation>
    </message>
    <message>
        <source>Rollback was a success! Happy Helming!</source>
        <translation>Rollback was a success! Happy Helming!</translation>
    </message>
    <message>
        <source>Rollback "%1" failed: %2 (refused by the server's dry run: nothing was written, the release is unchanged)</source>
        <translation>Rollback "%1" failed: %2 (refused by the server's dry run: nothing was written, the release is unchanged)</translation>
    </message>
    <message>
        <source>%1 %2 is already gone</source>
        <translation>%1 %2 is already gone</translation>
    </message>
    <message>
        <source>Not deleted: %1 %2 could not be read to check its resource policy (%3)</source>
        <translation>Not deleted: %1 %2 could not be read to check its resource policy (%3)</translation>
    </message>
    <message>
        <source>Kept %1 %2 (annotated %3: %4)</source>
        <translation>Kept %1 %2 (annotated %3: %4)</translation>
    </message>
    <message>
        <source>no way to read the cluster was given</source>
        <translation>no way to read the cluster was given</translation>
    </message>
    <message>
        <source>Kept (annotated %1: %2): %3.</source>
        <translation>Kept (annotated %1: %2): %3.</translation>
    </message>
</context>
<context>
    <name>Orrery::HpaBoundsOperation</name>
    <message>
        <source>Change autoscaler bounds</source>
        <translation>Change autoscaler bounds</translation>
    </message>
    <message>
        <source>Change bounds</source>
        <translation>Change bounds</translation>
    </message>
</context>
<context>
    <name>Orrery::HpaExplainedChart</name>
    <message>
        <source>replicas</source>
        <translation>replicas</translation>
    </message>
    <message>
        <source>%1 (current)</source>
        <translation>%1 (current)</translation>
    </message>
    <message>
        <source>%1 target</source>
        <translation>%1 target</translation>
    </message>
    <message>
        <source>current replicas</source>
        <translation>current replicas</translation>
    </message>
    <message>
        <source>desired replicas</source>
        <translation>desired replicas</translation>
    </message>
</context>
<context>
    <name>Orrery::Internal::PortForwardRelay</name>
    <message>
        <source>cannot listen on 127.0.0.1:%1: %2</source>
        <translation>cannot listen on 127.0.0.1:%1: %2</translation>
    </message>
</context>
<context>
    <name>Orrery::JenkinsClient</name>
    <message>
        <source>"%1" is a folder or multibranch project, not a Pipeline job: name one of its jobs (%2)</source>
        <translation>"%1" is a folder or multibranch project, not a Pipeline job: name one of its jobs (%2)</translation>
    </message>
    <message>
        <source>Jenkins re-runs whole builds, not only the failed stages: re-run all</source>
        <translation>Jenkins re-runs whole builds, not only the failed stages: re-run all</translation>
    </message>
    <message>
        <source>no input step is waiting in this build</source>
        <translation>no input step is waiting in this build</translation>
    </message>
    <message>
        <source>several input steps wait (%1): name one</source>
        <translation>several input steps wait (%1): name one</translation>
    </message>
</context>
<context>
    <name>Orrery::JenkinsResponse</name>
    <message>
        <source>a Jenkins job</source>
        <translation>a Jenkins job</translation>
    </message>
    <message>
        <source>a Jenkins build</source>
        <translation>a Jenkins build</translation>
    </message>
    <message>
        <source>a Stage View description</source>
        <translation>a Stage View description</translation>
    </message>
    <message>
        <source>a list of Blue Ocean nodes</source>
        <translation>a list of Blue Ocean nodes</translation>
    </message>
    <message>
        <source>a list of pending inputs</source>
        <translation>a list of pending inputs</translation>
    </message>
    <message>
        <source>a Jenkins crumb</source>
        <translation>a Jenkins crumb</translation>
    </message>
    <message>
        <source>a Jenkins queue item</source>
        <translation>a Jenkins queue item</translation>
    </message>
    <message>
        <source>the queued build was cancelled</source>
        <translation>the queued build was cancelled</translation>
    </message>
</context>
<context>
    <name>Orrery::KeychainSecretStore</name>
    <message>
        <source>the system keyring</source>
        <translation>the system keyring</translation>
    </message>
</context>
<context>
    <name>Orrery::KindJump</name>
    <message>
        <source>:kind or :page, e.g. :po :deploy :svc :topology :problems</source>
        <translation>:kind or :page, e.g. :po :deploy :svc :topology :problems</translation>
    </message>
    <message>
        <source>No kind or page is called “%1”. Try :po, :deploy, :svc, :topology or :problems.</source>
        <translation>No kind or page is called “%1”. Try :po, :deploy, :svc, :topology or :problems.</translation>
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
        <translation>Event</translation>
    </message>
    <message>
        <source>ControllerRevision</source>
        <translation>ControllerRevision</translation>
    </message>
    <message numerus="yes">
        <source>%Ln pod(s)</source>
        <translation>
            <numerusform>%Ln pod</numerusform>
            <numerusform>%Ln pods</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deployment(s)</source>
        <translation>
            <numerusform>%Ln deployment</numerusform>
            <numerusform>%Ln deployments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln statefulset(s)</source>
        <translation>
            <numerusform>%Ln statefulset</numerusform>
            <numerusform>%Ln statefulsets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln daemonset(s)</source>
        <translation>
            <numerusform>%Ln daemonset</numerusform>
            <numerusform>%Ln daemonsets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln replicaset(s)</source>
        <translation>
            <numerusform>%Ln replicaset</numerusform>
            <numerusform>%Ln replicasets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln job(s)</source>
        <translation>
            <numerusform>%Ln job</numerusform>
            <numerusform>%Ln jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cronjob(s)</source>
        <translation>
            <numerusform>%Ln cronjob</numerusform>
            <numerusform>%Ln cronjobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln autoscaler(s) (HPA)</source>
        <translation>
            <numerusform>%Ln autoscaler (HPA)</numerusform>
            <numerusform>%Ln autoscalers (HPA)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln service(s)</source>
        <translation>
            <numerusform>%Ln service</numerusform>
            <numerusform>%Ln services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln ingress(es)</source>
        <translation>
            <numerusform>%Ln ingress</numerusform>
            <numerusform>%Ln ingresses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln endpoints</source>
        <translation>
            <numerusform>%Ln endpoints</numerusform>
            <numerusform>%Ln endpoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln configmap(s)</source>
        <translation>
            <numerusform>%Ln configmap</numerusform>
            <numerusform>%Ln configmaps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln secret(s)</source>
        <translation>
            <numerusform>%Ln secret</numerusform>
            <numerusform>%Ln secrets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln persistent volume claim(s)</source>
        <translation>
            <numerusform>%Ln persistent volume claim</numerusform>
            <numerusform>%Ln persistent volume claims</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln persistent volume(s)</source>
        <translation>
            <numerusform>%Ln persistent volume</numerusform>
            <numerusform>%Ln persistent volumes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln node(s)</source>
        <translation>
            <numerusform>%Ln node</numerusform>
            <numerusform>%Ln nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln namespace(s)</source>
        <translation>
            <numerusform>%Ln namespace</numerusform>
            <numerusform>%Ln namespaces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln event</numerusform>
            <numerusform>%Ln events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln controller revision(s)</source>
        <translation>
            <numerusform>%Ln controller revision</numerusform>
            <numerusform>%Ln controller revisions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Orrery::KubeconfigController</name>
    <message>
        <source>No kubeconfig found (looked at %1).</source>
        <translation>No kubeconfig found (looked at %1).</translation>
    </message>
    <message>
        <source>The kubeconfig defines no contexts.</source>
        <translation>The kubeconfig defines no contexts.</translation>
    </message>
    <message>
        <source>The kubeconfig could not be loaded; no context is usable:</source>
        <translation>The kubeconfig could not be loaded; no context is usable:</translation>
    </message>
    <message>
        <source>The kubeconfig changed but cannot be read; the contexts keep their last good configuration until it is fixed.</source>
        <translation>The kubeconfig changed but cannot be read; the contexts keep their last good configuration until it is fixed.</translation>
    </message>
    <message>
        <source>The kubeconfig changed: its contexts are loaded.</source>
        <translation>The kubeconfig changed: its contexts are loaded.</translation>
    </message>
    <message>
        <source>the kubeconfig changed</source>
        <translation>the kubeconfig changed</translation>
    </message>
    <message>
        <source>The kubeconfig changed; no connected context is affected.</source>
        <translation>The kubeconfig changed; no connected context is affected.</translation>
    </message>
    <message>
        <source>The kubeconfig changed: reconnecting %1 with the new credentials.</source>
        <translation>The kubeconfig changed: reconnecting %1 with the new credentials.</translation>
    </message>
</context>
<context>
    <name>Orrery::LocalMonitoringServers</name>
    <message>
        <source>no temporary directory</source>
        <translation>no temporary directory</translation>
    </message>
    <message>
        <source>cannot write the configuration in %1</source>
        <translation>cannot write the configuration in %1</translation>
    </message>
    <message>
        <source>%1 did not start: %2</source>
        <translation>%1 did not start: %2</translation>
    </message>
    <message>
        <source>%1 exited (code %2): %3</source>
        <translation>%1 exited (code %2): %3</translation>
    </message>
    <message>
        <source>not ready after %1 s</source>
        <translation>not ready after %1 s</translation>
    </message>
</context>
<context>
    <name>Orrery::LogView</name>
    <message>
        <source>Previous</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation>Timestamps</translation>
    </message>
    <message>
        <source>Wrap</source>
        <translation>Wrap</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Reconnect</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Show the logs of the previous (terminated) container instance</source>
        <translation>Show the logs of the previous (terminated) container instance</translation>
    </message>
    <message>
        <source>Last 100 lines</source>
        <translation>Last 100 lines</translation>
    </message>
    <message>
        <source>Last 500 lines</source>
        <translation>Last 500 lines</translation>
    </message>
    <message>
        <source>Last 2000 lines</source>
        <translation>Last 2000 lines</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Everything</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Follow</translation>
    </message>
    <message>
        <source>Keep scrolling to the newest line</source>
        <translation>Keep scrolling to the newest line</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Stop showing new lines (they are kept and shown on resume)</source>
        <translation>Stop showing new lines (they are kept and shown on resume)</translation>
    </message>
    <message>
        <source>Search logs…</source>
        <translation>Search logs…</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <source>Save the shown log to a file</source>
        <translation>Save the shown log to a file</translation>
    </message>
    <message>
        <source>All containers</source>
        <translation>All containers</translation>
    </message>
    <message numerus="yes">
        <source>Paused · %n new line(s) waiting</source>
        <translation>
            <numerusform>Paused · %n new line waiting</numerusform>
            <numerusform>Paused · %n new lines waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Log stream failed: %1</source>
        <translation>Log stream failed: %1</translation>
    </message>
    <message>
        <source>Log stream ended: %1</source>
        <translation>Log stream ended: %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation>Save Log</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt);;All files (*)</source>
        <translation>Log files (*.log *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>Pop out</source>
        <translation>Pop out</translation>
    </message>
    <message>
        <source>Show the logs in their own window (closing it docks them back)</source>
        <translation>Show the logs in their own window (closing it docks them back)</translation>
    </message>
    <message>
        <source>Dock</source>
        <translation>Dock</translation>
    </message>
    <message>
        <source>Show the logs in the details pane again</source>
        <translation>Show the logs in the details pane again</translation>
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
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Open Kubeconfig…</source>
        <translation>Open Kubeconfig…</translation>
    </message>
    <message>
        <source>Open Demo Cluster</source>
        <translation>Open Demo Cluster</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>Go to Anything…</source>
        <translation>Go to Anything…</translation>
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
        <translation>Filter Table</translation>
    </message>
    <message>
        <source>Choose Namespaces…</source>
        <translation>Choose Namespaces…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>Reconnect Cluster</source>
        <translation>Reconnect Cluster</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>asked for</source>
        <translation>asked for</translation>
    </message>
    <message>
        <source>Next Context</source>
        <translation>Next Context</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Down</source>
        <translation>Ctrl+Alt+Down</translation>
    </message>
    <message>
        <source>Previous Context</source>
        <translation>Previous Context</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Up</source>
        <translation>Ctrl+Alt+Up</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Keyboard Shortcuts</translation>
    </message>
    <message>
        <source>Ctrl+/</source>
        <translation>Ctrl+/</translation>
    </message>
    <message>
        <source>About Orrery</source>
        <translation>About Orrery</translation>
    </message>
    <message>
        <source>%1 — Orrery</source>
        <translation>%1 — Orrery</translation>
    </message>
    <message>
        <source>Apply Manifests…</source>
        <translation>Apply Manifests…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation>Preferences…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>Go to Kind or Page…</source>
        <translation>Go to Kind or Page…</translation>
    </message>
    <message>
        <source>Some kubeconfig entries could not be loaded; the contexts listed are the ones that could:</source>
        <translation>Some kubeconfig entries could not be loaded; the contexts listed are the ones that could:</translation>
    </message>
    <message>
        <source>Edit YAML</source>
        <translation>Edit YAML</translation>
    </message>
    <message>
        <source>Show Logs</source>
        <translation>Show Logs</translation>
    </message>
    <message>
        <source>Delete Object…</source>
        <translation>Delete Object…</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Open Shell in Pod</source>
        <translation>Open Shell in Pod</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Select a pod to open a shell in it.</source>
        <translation>Select a pod to open a shell in it.</translation>
    </message>
    <message>
        <source>Switch to %1 to reconnect this shell.</source>
        <translation>Switch to %1 to reconnect this shell.</translation>
    </message>
</context>
<context>
    <name>Orrery::ManifestRedaction</name>
    <message>
        <source>a Secret that could not be read; its text is not shown</source>
        <translation>a Secret that could not be read; its text is not shown</translation>
    </message>
</context>
<context>
    <name>Orrery::MetricFormat</name>
    <message>
        <source>%1 cores</source>
        <translation>%1 cores</translation>
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
        <translation>Memory (working set)</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memory</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>received</source>
        <translation>received</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Restarts</translation>
    </message>
    <message>
        <source>Network (pods)</source>
        <translation>Network (pods)</translation>
    </message>
    <message>
        <source>Restarts (pods on the node)</source>
        <translation>Restarts (pods on the node)</translation>
    </message>
    <message>
        <source>%1 against its target, and replicas</source>
        <translation>%1 against its target, and replicas</translation>
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
        <translation>MEM</translation>
    </message>
    <message>
        <source>%MEM</source>
        <translation>%MEM</translation>
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
        <translation>%MEM/R</translation>
    </message>
    <message>
        <source>%MEM/L</source>
        <translation>%MEM/L</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n/a</translation>
    </message>
    <message>
        <source>Waiting for the first metrics-server sample.</source>
        <translation>Waiting for the first metrics-server sample.</translation>
    </message>
    <message>
        <source>The node states no allocatable CPU.</source>
        <translation>The node states no allocatable CPU.</translation>
    </message>
    <message>
        <source>A container sets no CPU request.</source>
        <translation>A container sets no CPU request.</translation>
    </message>
    <message>
        <source>A container sets no CPU limit.</source>
        <translation>A container sets no CPU limit.</translation>
    </message>
    <message>
        <source>The node states no allocatable memory.</source>
        <translation>The node states no allocatable memory.</translation>
    </message>
    <message>
        <source>A container sets no memory request.</source>
        <translation>A container sets no memory request.</translation>
    </message>
    <message>
        <source>A container sets no memory limit.</source>
        <translation>A container sets no memory limit.</translation>
    </message>
    <message>
        <source>No running pods.</source>
        <translation>No running pods.</translation>
    </message>
    <message>
        <source>%1 of %2 pods have a metrics-server sample; the figures are theirs.</source>
        <translation>%1 of %2 pods have a metrics-server sample; the figures are theirs.</translation>
    </message>
    <message numerus="yes">
        <source>The sum of %n pod(s).</source>
        <translation>
            <numerusform>The sum of %n pod.</numerusform>
            <numerusform>The sum of %n pods.</numerusform>
        </translation>
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
        <translation>Memory</translation>
    </message>
    <message>
        <source>CPU (metrics-server)</source>
        <translation>CPU (metrics-server)</translation>
    </message>
    <message>
        <source>Memory (metrics-server)</source>
        <translation>Memory (metrics-server)</translation>
    </message>
</context>
<context>
    <name>Orrery::MetricsUnavailable</name>
    <message>
        <source>no metrics-server found; looked for APIService v1beta1.metrics.k8s.io</source>
        <translation>no metrics-server found; looked for APIService v1beta1.metrics.k8s.io</translation>
    </message>
    <message>
        <source>forbidden: reading metrics needs the verb "%1" on %2 in all namespaces (a ClusterRole)</source>
        <translation>forbidden: reading metrics needs the verb "%1" on %2 in all namespaces (a ClusterRole)</translation>
    </message>
    <message>
        <source>forbidden: reading metrics needs the verb "%1" on %2 in namespace "%3"</source>
        <translation>forbidden: reading metrics needs the verb "%1" on %2 in namespace "%3"</translation>
    </message>
    <message>
        <source>the metrics API could not be reached: %1</source>
        <translation>the metrics API could not be reached: %1</translation>
    </message>
    <message>
        <source>the metrics API answered %1 (metrics-server is registered but not answering): %2</source>
        <translation>the metrics API answered %1 (metrics-server is registered but not answering): %2</translation>
    </message>
    <message>
        <source>the metrics API answered %1: %2</source>
        <translation>the metrics API answered %1: %2</translation>
    </message>
    <message>
        <source>no sample yet for node %1 (metrics-server has not scraped its kubelet)</source>
        <translation>no sample yet for node %1 (metrics-server has not scraped its kubelet)</translation>
    </message>
    <message>
        <source>no sample yet for pod %1/%2 (metrics-server samples every 15 s; a new or stopped pod has none)</source>
        <translation>no sample yet for pod %1/%2 (metrics-server samples every 15 s; a new or stopped pod has none)</translation>
    </message>
</context>
<context>
    <name>Orrery::MonitoringDiscovery</name>
    <message numerus="yes">
        <source>no %1 found; looked for Services %2 in %n namespace(s); set one for this context in Preferences</source>
        <translation>
            <numerusform>no %1 found; looked for Services %2 in %n namespace; set one for this context in Preferences</numerusform>
            <numerusform>no %1 found; looked for Services %2 in %n namespaces; set one for this context in Preferences</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Orrery::MonitoringEndpoint</name>
    <message>
        <source>Service %1/%2 (API server proxy)</source>
        <translation>Service %1/%2 (API server proxy)</translation>
    </message>
</context>
<context>
    <name>Orrery::MonitoringProblem</name>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <source>forbidden: %1 refused the query (HTTP 403)</source>
        <translation>forbidden: %1 refused the query (HTTP 403)</translation>
    </message>
    <message>
        <source>forbidden: reading Prometheus through the API server needs the verb "get" on services/proxy in namespace "%1"</source>
        <translation>forbidden: reading Prometheus through the API server needs the verb "get" on services/proxy in namespace "%1"</translation>
    </message>
    <message>
        <source>the query failed: %1
PromQL: %2</source>
        <translation>the query failed: %1
PromQL: %2</translation>
    </message>
    <message>
        <source>Prometheus has no series with %1 (is kube-state-metrics or cAdvisor scraped?)
PromQL: %2</source>
        <translation>Prometheus has no series with %1 (is kube-state-metrics or cAdvisor scraped?)
PromQL: %2</translation>
    </message>
</context>
<context>
    <name>Orrery::MonitoringTarget</name>
    <message>
        <source>"%1" is not a valid URL</source>
        <translation>"%1" is not a valid URL</translation>
    </message>
    <message>
        <source>"%1" is neither a URL (http://host:9090) nor a Service (namespace/name:port)</source>
        <translation>"%1" is neither a URL (http://host:9090) nor a Service (namespace/name:port)</translation>
    </message>
</context>
<context>
    <name>Orrery::NamespaceFilter</name>
    <message>
        <source>Choose the namespaces to show (Ctrl+N)</source>
        <translation>Choose the namespaces to show (Ctrl+N)</translation>
    </message>
    <message>
        <source>Type to search namespaces…</source>
        <translation>Type to search namespaces…</translation>
    </message>
    <message>
        <source>All namespaces</source>
        <translation>All namespaces</translation>
    </message>
    <message>
        <source>Namespace: all</source>
        <translation>Namespace: all</translation>
    </message>
    <message>
        <source>Namespace: %1</source>
        <translation>Namespace: %1</translation>
    </message>
    <message numerus="yes">
        <source>Namespaces: %n selected</source>
        <translation>
            <numerusform>Namespaces: %n selected</numerusform>
            <numerusform>Namespaces: %n selected</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing all namespaces</source>
        <translation>Showing all namespaces</translation>
    </message>
</context>
<context>
    <name>Orrery::NamespaceListModel</name>
    <message>
        <source>This namespace does not exist (any more).</source>
        <translation>This namespace does not exist (any more).</translation>
    </message>
    <message numerus="yes">
        <source>%1  · %n problem(s)</source>
        <translation>
            <numerusform>%1  · %n problem</numerusform>
            <numerusform>%1  · %n problems</numerusform>
        </translation>
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
        <translation>Time range of the charts</translation>
    </message>
    <message>
        <source>Prometheus: not looked for yet (no cluster connected)</source>
        <translation>Prometheus: not looked for yet (no cluster connected)</translation>
    </message>
    <message>
        <source>Showing the HPA's status as Orrery recorded it since it connected.</source>
        <translation>Showing the HPA's status as Orrery recorded it since it connected.</translation>
    </message>
    <message>
        <source>Showing metrics-server's samples (CPU and memory, kept since Orrery connected).</source>
        <translation>Showing metrics-server's samples (CPU and memory, kept since Orrery connected).</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1, but %2. %3</source>
        <translation>%1, but %2. %3</translation>
    </message>
    <message>
        <source>The PromQL behind this chart</source>
        <translation>The PromQL behind this chart</translation>
    </message>
    <message>
        <source>Copy PromQL</source>
        <translation>Copy PromQL</translation>
    </message>
    <message>
        <source>Copy this chart's PromQL to the clipboard</source>
        <translation>Copy this chart's PromQL to the clipboard</translation>
    </message>
    <message>
        <source>Metrics against targets, and replicas</source>
        <translation>Metrics against targets, and replicas</translation>
    </message>
    <message>
        <source>%1 against its target, and replicas (kept status)</source>
        <translation>%1 against its target, and replicas (kept status)</translation>
    </message>
    <message>
        <source>no status recorded yet for this HPA</source>
        <translation>no status recorded yet for this HPA</translation>
    </message>
    <message>
        <source>this HPA lists no metrics, and %1</source>
        <translation>this HPA lists no metrics, and %1</translation>
    </message>
    <message>
        <source>no cluster connected</source>
        <translation>no cluster connected</translation>
    </message>
    <message>
        <source>CPU (metrics-server)</source>
        <translation>CPU (metrics-server)</translation>
    </message>
    <message>
        <source>Memory (metrics-server)</source>
        <translation>Memory (metrics-server)</translation>
    </message>
    <message>
        <source>Waiting for the first answer of metrics-server…</source>
        <translation>Waiting for the first answer of metrics-server…</translation>
    </message>
    <message>
        <source>no metrics-server sample yet for the pods of %1 in namespace %2</source>
        <translation>no metrics-server sample yet for the pods of %1 in namespace %2</translation>
    </message>
</context>
<context>
    <name>Orrery::Operation</name>
    <message>
        <source>%1 (dry run)</source>
        <translation>%1 (dry run)</translation>
    </message>
    <message>
        <source>Cancelled before: %1</source>
        <translation>Cancelled before: %1</translation>
    </message>
    <message>
        <source>%1: done (%2)</source>
        <translation>%1: done (%2)</translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation>%1: failed: %2</translation>
    </message>
</context>
<context>
    <name>Orrery::OperationCatalog</name>
    <message>
        <source>Scale…</source>
        <translation>Scale…</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Restart</translation>
    </message>
    <message>
        <source>Pause rollout</source>
        <translation>Pause rollout</translation>
    </message>
    <message>
        <source>Resume rollout</source>
        <translation>Resume rollout</translation>
    </message>
    <message>
        <source>Set image…</source>
        <translation>Set image…</translation>
    </message>
    <message>
        <source>Roll back…</source>
        <translation>Roll back…</translation>
    </message>
    <message>
        <source>Cordon</source>
        <translation>Cordon</translation>
    </message>
    <message>
        <source>Uncordon</source>
        <translation>Uncordon</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Run workflow…</source>
        <translation>Run workflow…</translation>
    </message>
    <message>
        <source>Re-run all jobs</source>
        <translation>Re-run all jobs</translation>
    </message>
    <message>
        <source>Re-run failed jobs</source>
        <translation>Re-run failed jobs</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>Cancel run</translation>
    </message>
    <message>
        <source>Approve deployment…</source>
        <translation>Approve deployment…</translation>
    </message>
    <message>
        <source>Reject deployment…</source>
        <translation>Reject deployment…</translation>
    </message>
    <message>
        <source>Download log…</source>
        <translation>Download log…</translation>
    </message>
    <message>
        <source>Shell</source>
        <translation>Shell</translation>
    </message>
    <message>
        <source>Port forward…</source>
        <translation>Port forward…</translation>
    </message>
    <message>
        <source>Re-run job</source>
        <translation>Re-run job</translation>
    </message>
    <message>
        <source>Restart machine</source>
        <translation>Restart machine</translation>
    </message>
    <message>
        <source>Stop machine</source>
        <translation>Stop machine</translation>
    </message>
    <message>
        <source>Start machine</source>
        <translation>Start machine</translation>
    </message>
    <message>
        <source>Scale process group…</source>
        <translation>Scale process group…</translation>
    </message>
    <message>
        <source>Deploy a previous release…</source>
        <translation>Deploy a previous release…</translation>
    </message>
</context>
<context>
    <name>Orrery::OperationRunner</name>
    <message>
        <source>Not connected</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <source>Connect to a context first: there is no cluster to send this to.</source>
        <translation>Connect to a context first: there is no cluster to send this to.</translation>
    </message>
    <message>
        <source>the cluster was disconnected</source>
        <translation>the cluster was disconnected</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Done: %1</translation>
    </message>
</context>
<context>
    <name>Orrery::OperationsPanel</name>
    <message>
        <source>Rollouts and undo offers appear here after a change.</source>
        <translation>Rollouts and undo offers appear here after a change.</translation>
    </message>
</context>
<context>
    <name>Orrery::PaletteController</name>
    <message>
        <source>Context</source>
        <translation>Context</translation>
    </message>
    <message>
        <source>Context %1</source>
        <translation>Context %1</translation>
    </message>
    <message>
        <source>Action on %1</source>
        <translation>Action on %1</translation>
    </message>
    <message>
        <source>Apply manifests</source>
        <translation>Apply manifests</translation>
    </message>
    <message>
        <source>Server-side apply of YAML files or pasted YAML (Ctrl+Shift+A)</source>
        <translation>Server-side apply of YAML files or pasted YAML (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Command</translation>
    </message>
    <message>
        <source>Command (%1)</source>
        <translation>Command (%1)</translation>
    </message>
</context>
<context>
    <name>Orrery::PauseOperation</name>
    <message>
        <source>Pause %1</source>
        <translation>Pause %1</translation>
    </message>
    <message>
        <source>Resume %1</source>
        <translation>Resume %1</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Cannot pause</source>
        <translation>Cannot pause</translation>
    </message>
    <message>
        <source>Cannot resume</source>
        <translation>Cannot resume</translation>
    </message>
</context>
<context>
    <name>Orrery::PipelineCredentials</name>
    <message>
        <source>glab's config has no token for %1</source>
        <translation>glab's config has no token for %1</translation>
    </message>
    <message>
        <source>run "glab auth login --hostname %1", or set GITLAB_TOKEN (a glab that keeps its token in the system keyring writes none to its config)</source>
        <translation>run "glab auth login --hostname %1", or set GITLAB_TOKEN (a glab that keeps its token in the system keyring writes none to its config)</translation>
    </message>
    <message>
        <source>no GitLab token: GITLAB_TOKEN is not set and glab has no config</source>
        <translation>no GitLab token: GITLAB_TOKEN is not set and glab has no config</translation>
    </message>
    <message>
        <source>set GITLAB_TOKEN, or run "glab auth login --hostname %1"</source>
        <translation>set GITLAB_TOKEN, or run "glab auth login --hostname %1"</translation>
    </message>
    <message>
        <source>no GitLab token for %1: not in GITLAB_TOKEN, glab's config or %2</source>
        <translation>no GitLab token for %1: not in GITLAB_TOKEN, glab's config or %2</translation>
    </message>
    <message>
        <source>set GITLAB_TOKEN, run "glab auth login --hostname %1", or enter a token</source>
        <translation>set GITLAB_TOKEN, run "glab auth login --hostname %1", or enter a token</translation>
    </message>
    <message>
        <source>no Jenkins credentials: set JENKINS_USER_ID and JENKINS_API_TOKEN</source>
        <translation>no Jenkins credentials: set JENKINS_USER_ID and JENKINS_API_TOKEN</translation>
    </message>
    <message>
        <source>create an API token on your Jenkins user's Security page</source>
        <translation>create an API token on your Jenkins user's Security page</translation>
    </message>
</context>
<context>
    <name>Orrery::PipelineOperation</name>
    <message>
        <source>run #%1</source>
        <translation>run #%1</translation>
    </message>
    <message>
        <source>run #%1 (%2)</source>
        <translation>run #%1 (%2)</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>run %1</translation>
    </message>
    <message>
        <source>%1 on %2 (%3)</source>
        <translation>%1 on %2 (%3)</translation>
    </message>
    <message>
        <source>Run workflow %1</source>
        <translation>Run workflow %1</translation>
    </message>
    <message>
        <source>Re-run %1</source>
        <translation>Re-run %1</translation>
    </message>
    <message>
        <source>Re-run failed jobs of %1</source>
        <translation>Re-run failed jobs of %1</translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation>Cancel %1</translation>
    </message>
    <message>
        <source>Approve deployment of %1</source>
        <translation>Approve deployment of %1</translation>
    </message>
    <message>
        <source>Reject deployment of %1</source>
        <translation>Reject deployment of %1</translation>
    </message>
    <message>
        <source>Download log of job %1</source>
        <translation>Download log of job %1</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Re-run</source>
        <translation>Re-run</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>Cancel run</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>Cannot %1</source>
        <translation>Cannot %1</translation>
    </message>
    <message>
        <source>GitHub says you may not review the deployment to %1 (required reviewers: %2).</source>
        <translation>GitHub says you may not review the deployment to %1 (required reviewers: %2).</translation>
    </message>
    <message>
        <source>GitHub says your token has no write access to %1: running, re-running and cancelling workflows needs it.</source>
        <translation>GitHub says your token has no write access to %1: running, re-running and cancelling workflows needs it.</translation>
    </message>
    <message>
        <source>no pipeline provider is connected</source>
        <translation>no pipeline provider is connected</translation>
    </message>
    <message>
        <source>%1 already finished (%2): there is nothing to cancel.</source>
        <translation>%1 already finished (%2): there is nothing to cancel.</translation>
    </message>
    <message>
        <source>%1 waits for no deployment review.</source>
        <translation>%1 waits for no deployment review.</translation>
    </message>
    <message>
        <source>"%1" is not a GitHub repository: give OWNER/REPO</source>
        <translation>"%1" is not a GitHub repository: give OWNER/REPO</translation>
    </message>
    <message>
        <source>Say which workflow to run (its file name, e.g. deploy.yml).</source>
        <translation>Say which workflow to run (its file name, e.g. deploy.yml).</translation>
    </message>
    <message>
        <source>Say which branch or tag to run the workflow on.</source>
        <translation>Say which branch or tag to run the workflow on.</translation>
    </message>
    <message>
        <source>Run workflow %1 on %2 in %3</source>
        <translation>Run workflow %1 on %2 in %3</translation>
    </message>
    <message>
        <source>Run workflow %1 on %2 in %3 with %4</source>
        <translation>Run workflow %1 on %2 in %3 with %4</translation>
    </message>
    <message>
        <source>"%1" is not a run id</source>
        <translation>"%1" is not a run id</translation>
    </message>
    <message>
        <source>%1 is still %2: it can be re-run once it finished.</source>
        <translation>%1 is still %2: it can be re-run once it finished.</translation>
    </message>
    <message>
        <source>Re-run the failed jobs of %1 in %2</source>
        <translation>Re-run the failed jobs of %1 in %2</translation>
    </message>
    <message>
        <source>Re-run all jobs of %1 in %2</source>
        <translation>Re-run all jobs of %1 in %2</translation>
    </message>
    <message>
        <source>Cancel %1 in %2</source>
        <translation>Cancel %1 in %2</translation>
    </message>
    <message>
        <source>%1 waits for no deployment you may review</source>
        <translation>%1 waits for no deployment you may review</translation>
    </message>
    <message>
        <source>Approve the deployment of %1 to %2 in %3</source>
        <translation>Approve the deployment of %1 to %2 in %3</translation>
    </message>
    <message>
        <source>Reject the deployment of %1 to %2 in %3</source>
        <translation>Reject the deployment of %1 to %2 in %3</translation>
    </message>
    <message>
        <source>Say which job's log to download and to which file.</source>
        <translation>Say which job's log to download and to which file.</translation>
    </message>
    <message>
        <source>Download the log of job %1 of %2 in %3 to %4</source>
        <translation>Download the log of job %1 of %2 in %3 to %4</translation>
    </message>
    <message numerus="yes">
        <source>Protected environment(s) waiting for review: %1</source>
        <translation>
            <numerusform>Protected environment waiting for review: %1</numerusform>
            <numerusform>Protected environments waiting for review: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>This run deploys to: %1</source>
        <translation>This run deploys to: %1</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Comment: %1</translation>
    </message>
    <message>
        <source>%1 has no dry run; the request was checked here (repository, run, permissions) and nothing was sent.</source>
        <translation>%1 has no dry run; the request was checked here (repository, run, permissions) and nothing was sent.</translation>
    </message>
    <message>
        <source>%1: done (%2)</source>
        <translation>%1: done (%2)</translation>
    </message>
    <message>
        <source>%1 could not be reached: %2</source>
        <translation>%1 could not be reached: %2</translation>
    </message>
    <message>
        <source>GitHub refused (HTTP 403): %1
The token may lack the "actions: write" permission on %2.</source>
        <translation>GitHub refused (HTTP 403): %1
The token may lack the "actions: write" permission on %2.</translation>
    </message>
    <message>
        <source>GitHub refused (HTTP %1): %2</source>
        <translation>GitHub refused (HTTP %1): %2</translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation>%1: failed: %2</translation>
    </message>
    <message>
        <source>%1: done (%2), run %3 (#%4) started</source>
        <translation>%1: done (%2), run %3 (#%4) started</translation>
    </message>
    <message>
        <source>Download the log of job %1: failed: %2</source>
        <translation>Download the log of job %1: failed: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Log of job %1 written to %2 (%n byte(s))</source>
        <translation>
            <numerusform>Log of job %1 written to %2 (%n byte)</numerusform>
            <numerusform>Log of job %1 written to %2 (%n bytes)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel the run it started (%1)</source>
        <translation>Cancel the run it started (%1)</translation>
    </message>
    <message>
        <source>Cancel the re-run</source>
        <translation>Cancel the re-run</translation>
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
        <translation>Run a pipeline in %1</translation>
    </message>
    <message>
        <source>Retry failed jobs of %1</source>
        <translation>Retry failed jobs of %1</translation>
    </message>
    <message>
        <source>Retry job %1 of %2</source>
        <translation>Retry job %1 of %2</translation>
    </message>
    <message>
        <source>Play the manual job of %1</source>
        <translation>Play the manual job of %1</translation>
    </message>
    <message>
        <source>Play manual job %1 of %2</source>
        <translation>Play manual job %1 of %2</translation>
    </message>
    <message>
        <source>Build %1</source>
        <translation>Build %1</translation>
    </message>
    <message>
        <source>Build %1 again</source>
        <translation>Build %1 again</translation>
    </message>
    <message>
        <source>Abort %1</source>
        <translation>Abort %1</translation>
    </message>
    <message>
        <source>Approve the input of %1</source>
        <translation>Approve the input of %1</translation>
    </message>
    <message>
        <source>Abort the input of %1</source>
        <translation>Abort the input of %1</translation>
    </message>
    <message>
        <source>Download the console of %1</source>
        <translation>Download the console of %1</translation>
    </message>
    <message>
        <source>Re-run job %1 of %2</source>
        <translation>Re-run job %1 of %2</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Build</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Abort</translation>
    </message>
    <message>
        <source>GitLab says your access to %1 is level %2 (Developer, 30, or more is needed to run, retry, cancel or play pipeline jobs).</source>
        <translation>GitLab says your access to %1 is level %2 (Developer, 30, or more is needed to run, retry, cancel or play pipeline jobs).</translation>
    </message>
    <message>
        <source>Jenkins says job %1 cannot be built (it is disabled).</source>
        <translation>Jenkins says job %1 cannot be built (it is disabled).</translation>
    </message>
    <message>
        <source>%1 has no manual job waiting to be played.</source>
        <translation>%1 has no manual job waiting to be played.</translation>
    </message>
    <message>
        <source>%1 waits for no input.</source>
        <translation>%1 waits for no input.</translation>
    </message>
    <message>
        <source>%1 has no such action (%2)</source>
        <translation>%1 has no such action (%2)</translation>
    </message>
    <message>
        <source>"%1" is not a job id</source>
        <translation>"%1" is not a job id</translation>
    </message>
    <message>
        <source>%1 is still %2: its jobs can be re-run once it finished.</source>
        <translation>%1 is still %2: its jobs can be re-run once it finished.</translation>
    </message>
    <message>
        <source>Re-run job %1 of %2 and the jobs after it in %3</source>
        <translation>Re-run job %1 of %2 and the jobs after it in %3</translation>
    </message>
    <message>
        <source>GitLab refused (HTTP 403): %1
Running, retrying, cancelling and playing jobs needs the Developer role on %2 and a token with the "api" scope; a protected branch or environment may allow fewer.</source>
        <translation>GitLab refused (HTTP 403): %1
Running, retrying, cancelling and playing jobs needs the Developer role on %2 and a token with the "api" scope; a protected branch or environment may allow fewer.</translation>
    </message>
    <message>
        <source>GitLab refused (HTTP %1): %2</source>
        <translation>GitLab refused (HTTP %1): %2</translation>
    </message>
    <message>
        <source>Jenkins refused (HTTP 403): %1
The user may lack the Job/Build or Job/Cancel permission on %2.</source>
        <translation>Jenkins refused (HTTP 403): %1
The user may lack the Job/Build or Job/Cancel permission on %2.</translation>
    </message>
    <message>
        <source>Jenkins refused (HTTP %1): %2</source>
        <translation>Jenkins refused (HTTP %1): %2</translation>
    </message>
    <message>
        <source>Say which branch or tag to run the pipeline on.</source>
        <translation>Say which branch or tag to run the pipeline on.</translation>
    </message>
    <message>
        <source>Run a pipeline on %1 in %2</source>
        <translation>Run a pipeline on %1 in %2</translation>
    </message>
    <message>
        <source>Run a pipeline on %1 in %2 with %3</source>
        <translation>Run a pipeline on %1 in %2 with %3</translation>
    </message>
    <message>
        <source>"%1" is not a pipeline id</source>
        <translation>"%1" is not a pipeline id</translation>
    </message>
    <message>
        <source>%1 names no ref to run again</source>
        <translation>%1 names no ref to run again</translation>
    </message>
    <message>
        <source>Run a new pipeline on %1 (the ref of %2) in %3</source>
        <translation>Run a new pipeline on %1 (the ref of %2) in %3</translation>
    </message>
    <message>
        <source>Retry the failed and cancelled jobs of %1 in %2</source>
        <translation>Retry the failed and cancelled jobs of %1 in %2</translation>
    </message>
    <message>
        <source>Job %1 is still %2: it can be retried once it finished.</source>
        <translation>Job %1 is still %2: it can be retried once it finished.</translation>
    </message>
    <message>
        <source>Retry job %1 of %2 in %3</source>
        <translation>Retry job %1 of %2 in %3</translation>
    </message>
    <message>
        <source>Job %1 is not a manual job waiting to be played (%2).</source>
        <translation>Job %1 is not a manual job waiting to be played (%2).</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>not found</translation>
    </message>
    <message>
        <source>Several manual jobs wait (%1): choose one.</source>
        <translation>Several manual jobs wait (%1): choose one.</translation>
    </message>
    <message>
        <source>Play manual job %1 of %2 in %3</source>
        <translation>Play manual job %1 of %2 in %3</translation>
    </message>
    <message>
        <source>Play manual job %1 of %2 (environment %3) in %4</source>
        <translation>Play manual job %1 of %2 (environment %3) in %4</translation>
    </message>
    <message>
        <source>GitLab has no such action</source>
        <translation>GitLab has no such action</translation>
    </message>
    <message>
        <source>Build %1 with %2</source>
        <translation>Build %1 with %2</translation>
    </message>
    <message>
        <source>"%1" is not a build number</source>
        <translation>"%1" is not a build number</translation>
    </message>
    <message>
        <source>Build %1 again (%2)</source>
        <translation>Build %1 again (%2)</translation>
    </message>
    <message>
        <source>Build %1 again with the parameters of %2: %3</source>
        <translation>Build %1 again with the parameters of %2: %3</translation>
    </message>
    <message>
        <source>Abort %1 of %2</source>
        <translation>Abort %1 of %2</translation>
    </message>
    <message>
        <source>Several inputs wait (%1): choose one.</source>
        <translation>Several inputs wait (%1): choose one.</translation>
    </message>
    <message>
        <source>Approve the input "%1" of %2 in %3</source>
        <translation>Approve the input "%1" of %2 in %3</translation>
    </message>
    <message>
        <source>Abort the input "%1" of %2 in %3 (the build ends aborted)</source>
        <translation>Abort the input "%1" of %2 in %3 (the build ends aborted)</translation>
    </message>
    <message>
        <source>Jenkins has no such action</source>
        <translation>Jenkins has no such action</translation>
    </message>
    <message>
        <source>%1: done (%2), pipeline %3 started</source>
        <translation>%1: done (%2), pipeline %3 started</translation>
    </message>
    <message>
        <source>%1: done (%2), build #%3 started</source>
        <translation>%1: done (%2), build #%3 started</translation>
    </message>
    <message>
        <source>%1: done (%2), queued as item %3</source>
        <translation>%1: done (%2), queued as item %3</translation>
    </message>
    <message>
        <source>%1: done (%2), but the queue item %3 did not start: %4</source>
        <translation>%1: done (%2), but the queue item %3 did not start: %4</translation>
    </message>
</context>
<context>
    <name>Orrery::PipelineRunModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
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
        <translation>%1 ago</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Actor</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>A %1: a trigger job of another pipeline started it</source>
        <translation>A %1: a trigger job of another pipeline started it</translation>
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
        <translation>%1 running</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 waiting</translation>
    </message>
    <message>
        <source>%1 queued</source>
        <translation>%1 queued</translation>
    </message>
    <message>
        <source>%1 cancelled</source>
        <translation>%1 cancelled</translation>
    </message>
    <message>
        <source>%1 skipped</source>
        <translation>%1 skipped</translation>
    </message>
    <message>
        <source>%1 unknown</source>
        <translation>%1 unknown</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%1 for %2</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Click to show the %n job(s) one by one.</source>
        <translation>
            <numerusform>Click to show the %n job one by one.</numerusform>
            <numerusform>Click to show the %n jobs one by one.</numerusform>
        </translation>
    </message>
    <message>
        <source>Double-click to collapse the %1 group.</source>
        <translation>Double-click to collapse the %1 group.</translation>
    </message>
    <message>
        <source>On the critical path (the longest chain).</source>
        <translation>On the critical path (the longest chain).</translation>
    </message>
    <message>
        <source>Click to show the full log.</source>
        <translation>Click to show the full log.</translation>
    </message>
    <message>
        <source>%1 · → %2</source>
        <translation>%1 · → %2</translation>
    </message>
    <message>
        <source>Click to open %1.</source>
        <translation>Click to open %1.</translation>
    </message>
</context>
<context>
    <name>Orrery::PipelineSource</name>
    <message>
        <source>"%1" is not a pipeline source: give PROVIDER:HOST/SOURCE (github, gitlab or jenkins)</source>
        <translation>"%1" is not a pipeline source: give PROVIDER:HOST/SOURCE (github, gitlab or jenkins)</translation>
    </message>
    <message>
        <source>"%1" is not a pipeline source: give PROVIDER:HOST/SOURCE</source>
        <translation>"%1" is not a pipeline source: give PROVIDER:HOST/SOURCE</translation>
    </message>
</context>
<context>
    <name>Orrery::PipelineTriggerDialog</name>
    <message>
        <source>Run a workflow of %1</source>
        <translation>Run a workflow of %1</translation>
    </message>
    <message>
        <source>Inputs:</source>
        <translation>Inputs:</translation>
    </message>
    <message>
        <source>Run a pipeline of %1</source>
        <translation>Run a pipeline of %1</translation>
    </message>
    <message>
        <source>Variables:</source>
        <translation>Variables:</translation>
    </message>
    <message>
        <source>Build %1</source>
        <translation>Build %1</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>Parameters:</translation>
    </message>
    <message>
        <source>the workflow's file (deploy.yml) or name</source>
        <translation>the workflow's file (deploy.yml) or name</translation>
    </message>
    <message>
        <source>Workflow:</source>
        <translation>Workflow:</translation>
    </message>
    <message>
        <source>branch or tag (empty: the default branch)</source>
        <translation>branch or tag (empty: the default branch)</translation>
    </message>
    <message>
        <source>Branch or tag:</source>
        <translation>Branch or tag:</translation>
    </message>
    <message>
        <source>NAME=value, one per line (empty: the job's defaults)</source>
        <translation>NAME=value, one per line (empty: the job's defaults)</translation>
    </message>
    <message>
        <source>NAME=value, one per line</source>
        <translation>NAME=value, one per line</translation>
    </message>
    <message>
        <source>Build…</source>
        <translation>Build…</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>Run…</translation>
    </message>
    <message>
        <source>Nothing is sent yet: the next step shows the request and asks for confirmation.</source>
        <translation>Nothing is sent yet: the next step shows the request and asks for confirmation.</translation>
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
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Click a job in the diagram to read its log.</source>
        <translation>Click a job in the diagram to read its log.</translation>
    </message>
    <message>
        <source>%1 has no runs yet.</source>
        <translation>%1 has no runs yet.</translation>
    </message>
    <message>
        <source>No CI/CD provider is configured.

Orrery reads GitHub Actions, GitLab CI and Jenkins. Give it a provider and a repository or job (see docs/pipelines.md, "Providers"): credentials come from where you keep them already (gh auth token or GH_TOKEN, GITLAB_TOKEN or glab's configuration, a Jenkins API token), never from Orrery's settings.</source>
        <translation>No CI/CD provider is configured.

Orrery reads GitHub Actions, GitLab CI and Jenkins. Give it a provider and a repository or job (see docs/pipelines.md, "Providers"): credentials come from where you keep them already (gh auth token or GH_TOKEN, GITLAB_TOKEN or glab's configuration, a Jenkins API token), never from Orrery's settings.</translation>
    </message>
    <message>
        <source>Reading the runs of %1…</source>
        <translation>Reading the runs of %1…</translation>
    </message>
    <message>
        <source>Cannot read the runs; retrying in %1</source>
        <translation>Cannot read the runs; retrying in %1</translation>
    </message>
    <message>
        <source>The runs of %1 cannot be read: %2</source>
        <translation>The runs of %1 cannot be read: %2</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Updated %1</translation>
    </message>
    <message>
        <source>Pipelines: no provider configured</source>
        <translation>Pipelines: no provider configured</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>API quota: %1 of %2 left</source>
        <translation>API quota: %1 of %2 left</translation>
    </message>
    <message>
        <source>API quota: %1 left</source>
        <translation>API quota: %1 left</translation>
    </message>
    <message>
        <source>%1, renewed at %2</source>
        <translation>%1, renewed at %2</translation>
    </message>
    <message>
        <source>Log of %1 (%2)</source>
        <translation>Log of %1 (%2)</translation>
    </message>
    <message>
        <source>The log cannot be read: %1</source>
        <translation>The log cannot be read: %1</translation>
    </message>
    <message>
        <source>Export the run</source>
        <translation>Export the run</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg);;JSON (*.json)</source>
        <translation>PNG image (*.png);;SVG image (*.svg);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <source>Pipeline source</source>
        <translation>Pipeline source</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>Run…</translation>
    </message>
    <message>
        <source>Re-run</source>
        <translation>Re-run</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>Cancel run</translation>
    </message>
    <message>
        <source>Start a new run (asks for the branch and inputs, then confirms)</source>
        <translation>Start a new run (asks for the branch and inputs, then confirms)</translation>
    </message>
    <message>
        <source>Run the selected run again</source>
        <translation>Run the selected run again</translation>
    </message>
    <message>
        <source>Cancel the selected run</source>
        <translation>Cancel the selected run</translation>
    </message>
    <message>
        <source>Build…</source>
        <translation>Build…</translation>
    </message>
    <message>
        <source>Build again</source>
        <translation>Build again</translation>
    </message>
    <message>
        <source>Abort build</source>
        <translation>Abort build</translation>
    </message>
    <message>
        <source>Build again with the same parameters</source>
        <translation>Build again with the same parameters</translation>
    </message>
    <message>
        <source>Run a new pipeline on the same ref</source>
        <translation>Run a new pipeline on the same ref</translation>
    </message>
    <message>
        <source>Re-run all jobs</source>
        <translation>Re-run all jobs</translation>
    </message>
    <message>
        <source>Retry failed jobs</source>
        <translation>Retry failed jobs</translation>
    </message>
    <message>
        <source>Re-run failed jobs</source>
        <translation>Re-run failed jobs</translation>
    </message>
    <message>
        <source>Play the manual job</source>
        <translation>Play the manual job</translation>
    </message>
    <message>
        <source>Approve the input…</source>
        <translation>Approve the input…</translation>
    </message>
    <message>
        <source>Approve deployment…</source>
        <translation>Approve deployment…</translation>
    </message>
    <message>
        <source>Abort the input…</source>
        <translation>Abort the input…</translation>
    </message>
    <message>
        <source>Reject deployment…</source>
        <translation>Reject deployment…</translation>
    </message>
    <message>
        <source>Retry job %1</source>
        <translation>Retry job %1</translation>
    </message>
    <message>
        <source>Re-run job %1</source>
        <translation>Re-run job %1</translation>
    </message>
    <message>
        <source>Play %1</source>
        <translation>Play %1</translation>
    </message>
    <message>
        <source>Approve the input of %1…</source>
        <translation>Approve the input of %1…</translation>
    </message>
    <message>
        <source>Approve the deployment of %1…</source>
        <translation>Approve the deployment of %1…</translation>
    </message>
    <message>
        <source>Abort the input of %1…</source>
        <translation>Abort the input of %1…</translation>
    </message>
    <message>
        <source>Reject the deployment of %1…</source>
        <translation>Reject the deployment of %1…</translation>
    </message>
    <message>
        <source>Download the console…</source>
        <translation>Download the console…</translation>
    </message>
    <message>
        <source>Download the log of %1…</source>
        <translation>Download the log of %1…</translation>
    </message>
    <message>
        <source>Approve the deployment</source>
        <translation>Approve the deployment</translation>
    </message>
    <message>
        <source>Reject the deployment</source>
        <translation>Reject the deployment</translation>
    </message>
    <message>
        <source>Comment (optional):</source>
        <translation>Comment (optional):</translation>
    </message>
    <message>
        <source>Save the log</source>
        <translation>Save the log</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Last build</source>
        <translation>Last build</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>folder</translation>
    </message>
    <message>
        <source>multibranch</source>
        <translation>multibranch</translation>
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
        <translation>Forward a port of 127.0.0.1 on this computer to a port of pod &lt;b&gt;%1&lt;/b&gt; in namespace &lt;b&gt;%2&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Pod port:</source>
        <translation>Pod port:</translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation>Any free port</translation>
    </message>
    <message>
        <source>Local port:</source>
        <translation>Local port:</translation>
    </message>
    <message>
        <source>Choose or type the pod's port (1 to 65535).</source>
        <translation>Choose or type the pod's port (1 to 65535).</translation>
    </message>
    <message>
        <source>http://127.0.0.1:%1 will reach port %2 of %3.</source>
        <translation>http://127.0.0.1:%1 will reach port %2 of %3.</translation>
    </message>
    <message>
        <source>A free local port will reach port %1 of %2.</source>
        <translation>A free local port will reach port %1 of %2.</translation>
    </message>
</context>
<context>
    <name>Orrery::PortForwardListModel</name>
    <message>
        <source>%1 open, %2 in all</source>
        <translation>%1 open, %2 in all</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Failed: %1</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <source>Listening (last error: %1)</source>
        <translation>Listening (last error: %1)</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>Listening</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Context</translation>
    </message>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Local address</source>
        <translation>Local address</translation>
    </message>
    <message>
        <source>Pod port</source>
        <translation>Pod port</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connections</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>Orrery::PortForwardOperation</name>
    <message>
        <source>Port forward to %1</source>
        <translation>Port forward to %1</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Forward</translation>
    </message>
    <message>
        <source>Cannot forward the port</source>
        <translation>Cannot forward the port</translation>
    </message>
    <message>
        <source>Forwarding port %1 of %2…</source>
        <translation>Forwarding port %1 of %2…</translation>
    </message>
    <message>
        <source>unable to forward port because pod is not running. Current status=%1</source>
        <translation>unable to forward port because pod is not running. Current status=%1</translation>
    </message>
    <message>
        <source>Invalid port number %1: must be between 1 and 65535</source>
        <translation>Invalid port number %1: must be between 1 and 65535</translation>
    </message>
    <message>
        <source>Invalid local port %1: must be between 0 and 65535</source>
        <translation>Invalid local port %1: must be between 0 and 65535</translation>
    </message>
    <message>
        <source>a free port of 127.0.0.1</source>
        <translation>a free port of 127.0.0.1</translation>
    </message>
    <message>
        <source>Forward %1 to port %2 of pod %3/%4</source>
        <translation>Forward %1 to port %2 of pod %3/%4</translation>
    </message>
    <message>
        <source>%1: not allowed</source>
        <translation>%1: not allowed</translation>
    </message>
    <message>
        <source>%1: not opened</source>
        <translation>%1: not opened</translation>
    </message>
    <message>
        <source>%1: listening on 127.0.0.1:%2</source>
        <translation>%1: listening on 127.0.0.1:%2</translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation>%1: failed: %2</translation>
    </message>
    <message numerus="yes">
        <source>ok: stopped after %n connection(s) on 127.0.0.1:%1</source>
        <translation>
            <numerusform>ok: stopped after %n connection on 127.0.0.1:%1</numerusform>
            <numerusform>ok: stopped after %n connections on 127.0.0.1:%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Orrery::PortForwardStream</name>
    <message>
        <source>the API server sent on channel %1, which this forward does not have</source>
        <translation>the API server sent on channel %1, which this forward does not have</translation>
    </message>
    <message>
        <source>the API server opened the stream for another port</source>
        <translation>the API server opened the stream for another port</translation>
    </message>
</context>
<context>
    <name>Orrery::PortForwardsPanel</name>
    <message>
        <source>Open in Browser</source>
        <translation>Open in Browser</translation>
    </message>
    <message>
        <source>Copy Address</source>
        <translation>Copy Address</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
</context>
<context>
    <name>Orrery::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>The language applies the next time Orrery starts.</source>
        <translation>The language applies the next time Orrery starts.</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Theme:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>found automatically</source>
        <translation>found automatically</translation>
    </message>
    <message>
        <source>A URL (http://127.0.0.1:9090) or a Service reached through the API server, as namespace/name:port (monitoring/prometheus-operated:9090)</source>
        <translation>A URL (http://127.0.0.1:9090) or a Service reached through the API server, as namespace/name:port (monitoring/prometheus-operated:9090)</translation>
    </message>
    <message>
        <source>&amp;Prometheus:</source>
        <translation>&amp;Prometheus:</translation>
    </message>
    <message>
        <source>&amp;Alertmanager:</source>
        <translation>&amp;Alertmanager:</translation>
    </message>
    <message>
        <source>Monitoring of context %1</source>
        <translation>Monitoring of context %1</translation>
    </message>
    <message>
        <source>Saved for this context; the charts use it at once.</source>
        <translation>Saved for this context; the charts use it at once.</translation>
    </message>
</context>
<context>
    <name>Orrery::PresenterWindow</name>
    <message>
        <source>Legend</source>
        <translation>Legend</translation>
    </message>
    <message>
        <source>Running and ready</source>
        <translation>Running and ready</translation>
    </message>
    <message>
        <source>Starting, rolling out, scaling</source>
        <translation>Starting, rolling out, scaling</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>Degraded</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>Failing</translation>
    </message>
    <message>
        <source>Terminating</source>
        <translation>Terminating</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Traffic to ready pods</source>
        <translation>Traffic to ready pods</translation>
    </message>
    <message>
        <source>Orrery — Presenter</source>
        <translation>Orrery — Presenter</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
</context>
<context>
    <name>Orrery::ProblemNotifier</name>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Rollout stalled on %1</source>
        <translation>Rollout stalled on %1</translation>
    </message>
    <message>
        <source>Rollout failing on %1</source>
        <translation>Rollout failing on %1</translation>
    </message>
    <message>
        <source>%1/%2 in %3</source>
        <translation>%1/%2 in %3</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more)</source>
        <translation>
            <numerusform>(and %n more)</numerusform>
            <numerusform>(and %n more)</numerusform>
        </translation>
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
        <translation>Container %1 cannot pull its image %2</translation>
    </message>
    <message numerus="yes">
        <source>Container %1 keeps crashing (%n restart(s))</source>
        <translation>
            <numerusform>Container %1 keeps crashing (%n restart)</numerusform>
            <numerusform>Container %1 keeps crashing (%n restarts)</numerusform>
        </translation>
    </message>
    <message>
        <source>Container %1 cannot start (%2)</source>
        <translation>Container %1 cannot start (%2)</translation>
    </message>
    <message>
        <source>No node can run this pod</source>
        <translation>No node can run this pod</translation>
    </message>
    <message>
        <source>No node can run this pod: %1</source>
        <translation>No node can run this pod: %1</translation>
    </message>
    <message>
        <source>The pod failed</source>
        <translation>The pod failed</translation>
    </message>
    <message>
        <source>The node is not ready: %1</source>
        <translation>The node is not ready: %1</translation>
    </message>
    <message>
        <source>The node is not ready</source>
        <translation>The node is not ready</translation>
    </message>
    <message>
        <source>The job failed</source>
        <translation>The job failed</translation>
    </message>
    <message>
        <source>The autoscaler cannot scale: %1</source>
        <translation>The autoscaler cannot scale: %1</translation>
    </message>
    <message>
        <source>The autoscaler cannot change the scale: %1</source>
        <translation>The autoscaler cannot change the scale: %1</translation>
    </message>
    <message>
        <source>The rollout is stalled: %1</source>
        <translation>The rollout is stalled: %1</translation>
    </message>
    <message numerus="yes">
        <source>The rollout of revision %1 is failing: %n new pod(s) fail, %2 %3: %4</source>
        <translation>
            <numerusform>The rollout of revision %1 is failing: %n new pod fail, %2 %3: %4</numerusform>
            <numerusform>The rollout of revision %1 is failing: %n new pods fail, %2 %3: %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The rollout is failing: %n pod(s) fail, %1 %2: %3</source>
        <translation>
            <numerusform>The rollout is failing: %n pod fail, %1 %2: %3</numerusform>
            <numerusform>The rollout is failing: %n pods fail, %1 %2: %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Orrery::ProblemTableModel</name>
    <message>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>SEVERITY</source>
        <translation>SEVERITY</translation>
    </message>
    <message>
        <source>CONTEXT</source>
        <translation>CONTEXT</translation>
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
        <translation>SINCE</translation>
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
        <translation>Problems</translation>
    </message>
    <message>
        <source>All connected contexts</source>
        <translation>All connected contexts</translation>
    </message>
    <message>
        <source>Show the problems of every connected context, not only the active one</source>
        <translation>Show the problems of every connected context, not only the active one</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s), %1 critical</source>
        <translation>
            <numerusform>%n problem, %1 critical</numerusform>
            <numerusform>%n problems, %1 critical</numerusform>
        </translation>
    </message>
    <message>
        <source>(the first %1 listed)</source>
        <translation>(the first %1 listed)</translation>
    </message>
    <message>
        <source>any connected context</source>
        <translation>any connected context</translation>
    </message>
    <message>
        <source>Connect to a context to see its problems.</source>
        <translation>Connect to a context to see its problems.</translation>
    </message>
    <message>
        <source>No problems in %1: no failing rollouts, crash loops, image pull errors, unschedulable pods, failing autoscalers, nodes not ready or failed jobs.</source>
        <translation>No problems in %1: no failing rollouts, crash loops, image pull errors, unschedulable pods, failing autoscalers, nodes not ready or failed jobs.</translation>
    </message>
</context>
<context>
    <name>Orrery::RailwayAccount</name>
    <message>
        <source>the Railway CLI's config is larger than %1</source>
        <translation>the Railway CLI's config is larger than %1</translation>
    </message>
    <message>
        <source>the Railway CLI's config is not JSON</source>
        <translation>the Railway CLI's config is not JSON</translation>
    </message>
    <message>
        <source>the Railway CLI is not logged in</source>
        <translation>the Railway CLI is not logged in</translation>
    </message>
    <message>
        <source>run `railway login`, or set RAILWAY_API_TOKEN</source>
        <translation>run `railway login`, or set RAILWAY_API_TOKEN</translation>
    </message>
    <message>
        <source>the Railway CLI's token is implausibly long</source>
        <translation>the Railway CLI's token is implausibly long</translation>
    </message>
    <message>
        <source>no Railway token</source>
        <translation>no Railway token</translation>
    </message>
    <message>
        <source>set RAILWAY_API_TOKEN (an account or workspace token) or RAILWAY_TOKEN (a project token), or run `railway login`</source>
        <translation>set RAILWAY_API_TOKEN (an account or workspace token) or RAILWAY_TOKEN (a project token), or run `railway login`</translation>
    </message>
    <message>
        <source>cannot read the Railway CLI's config</source>
        <translation>cannot read the Railway CLI's config</translation>
    </message>
    <message>
        <source>Railway (%1)</source>
        <translation>Railway (%1)</translation>
    </message>
    <message>
        <source>project token of %1 / %2</source>
        <translation>project token of %1 / %2</translation>
    </message>
    <message>
        <source>Railway: %1</source>
        <translation>Railway: %1</translation>
    </message>
    <message>
        <source>the Railway CLI's login expired: run `railway login`</source>
        <translation>the Railway CLI's login expired: run `railway login`</translation>
    </message>
    <message>
        <source>Railway runs apps, not Kubernetes clusters: %1 has no kubeconfig entry</source>
        <translation>Railway runs apps, not Kubernetes clusters: %1 has no kubeconfig entry</translation>
    </message>
    <message>
        <source>Railway runs apps, not Kubernetes clusters: %1 cannot be connected to</source>
        <translation>Railway runs apps, not Kubernetes clusters: %1 cannot be connected to</translation>
    </message>
    <message>
        <source>the environment of %1 is not in its project any more</source>
        <translation>the environment of %1 is not in its project any more</translation>
    </message>
</context>
<context>
    <name>Orrery::RailwayAppActions</name>
    <message>
        <source>Roll back to %1</source>
        <translation>Roll back to %1</translation>
    </message>
    <message>
        <source>Roll back to %1 (%2)</source>
        <translation>Roll back to %1 (%2)</translation>
    </message>
</context>
<context>
    <name>Orrery::RailwayClient</name>
    <message>
        <source>Railway user</source>
        <translation>Railway user</translation>
    </message>
    <message>
        <source>Railway project token</source>
        <translation>Railway project token</translation>
    </message>
    <message>
        <source>Railway projects</source>
        <translation>Railway projects</translation>
    </message>
    <message>
        <source>Railway projects of workspace %1</source>
        <translation>Railway projects of workspace %1</translation>
    </message>
    <message>
        <source>Railway project %1</source>
        <translation>Railway project %1</translation>
    </message>
    <message>
        <source>Railway deployments</source>
        <translation>Railway deployments</translation>
    </message>
    <message>
        <source>Railway service %1</source>
        <translation>Railway service %1</translation>
    </message>
</context>
<context>
    <name>Orrery::RailwayOperation</name>
    <message>
        <source>Redeploy</source>
        <translation>Redeploy</translation>
    </message>
    <message>
        <source>Roll back…</source>
        <translation>Roll back…</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Restart</translation>
    </message>
    <message>
        <source>deployment %1 (%2)</source>
        <translation>deployment %1 (%2)</translation>
    </message>
    <message>
        <source>deployment %1 (%2, %3)</source>
        <translation>deployment %1 (%2, %3)</translation>
    </message>
    <message>
        <source>Redeploy %1</source>
        <translation>Redeploy %1</translation>
    </message>
    <message>
        <source>Roll back %1</source>
        <translation>Roll back %1</translation>
    </message>
    <message>
        <source>Restart %1</source>
        <translation>Restart %1</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Roll back</translation>
    </message>
    <message>
        <source>Cannot redeploy</source>
        <translation>Cannot redeploy</translation>
    </message>
    <message>
        <source>Cannot roll back</source>
        <translation>Cannot roll back</translation>
    </message>
    <message>
        <source>Cannot restart</source>
        <translation>Cannot restart</translation>
    </message>
    <message>
        <source>no Railway account is connected</source>
        <translation>no Railway account is connected</translation>
    </message>
    <message>
        <source>%1 already runs %2.</source>
        <translation>%1 already runs %2.</translation>
    </message>
    <message>
        <source>Say which Railway service (environment and service) to act on.</source>
        <translation>Say which Railway service (environment and service) to act on.</translation>
    </message>
    <message>
        <source>%1 has no earlier deployment Railway can roll back to.</source>
        <translation>%1 has no earlier deployment Railway can roll back to.</translation>
    </message>
    <message>
        <source>Deployment %1 is not one of %2's.</source>
        <translation>Deployment %1 is not one of %2's.</translation>
    </message>
    <message>
        <source>%1 has no deployment yet.</source>
        <translation>%1 has no deployment yet.</translation>
    </message>
    <message>
        <source>Railway cannot roll %1 back to %2: only an earlier deployment that ran and was replaced can be rolled back to.</source>
        <translation>Railway cannot roll %1 back to %2: only an earlier deployment that ran and was replaced can be rolled back to.</translation>
    </message>
    <message>
        <source>Roll back Railway service %1 (%2) to %3</source>
        <translation>Roll back Railway service %1 (%2) to %3</translation>
    </message>
    <message>
        <source>Railway cannot redeploy %1 now (%2).</source>
        <translation>Railway cannot redeploy %1 now (%2).</translation>
    </message>
    <message>
        <source>Redeploy Railway service %1 (%2) from %3</source>
        <translation>Redeploy Railway service %1 (%2) from %3</translation>
    </message>
    <message>
        <source>%1 is not running (%2): only a running deployment can be restarted.</source>
        <translation>%1 is not running (%2): only a running deployment can be restarted.</translation>
    </message>
    <message>
        <source>Restart Railway service %1 (%2): %3</source>
        <translation>Restart Railway service %1 (%2): %3</translation>
    </message>
    <message>
        <source>It runs %1 now.</source>
        <translation>It runs %1 now.</translation>
    </message>
    <message>
        <source>Its latest deployment failed: %1.</source>
        <translation>Its latest deployment failed: %1.</translation>
    </message>
    <message>
        <source>Railway has no dry run; the deployment and what Railway allows for it (canRollback, canRedeploy, status) were checked here and nothing was sent.</source>
        <translation>Railway has no dry run; the deployment and what Railway allows for it (canRollback, canRedeploy, status) were checked here and nothing was sent.</translation>
    </message>
    <message>
        <source>Railway could not be reached: %1</source>
        <translation>Railway could not be reached: %1</translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation>%1: failed: %2</translation>
    </message>
    <message>
        <source>Railway answered false</source>
        <translation>Railway answered false</translation>
    </message>
    <message>
        <source>Railway refused: %1</source>
        <translation>Railway refused: %1</translation>
    </message>
    <message>
        <source>%1: done (%2)</source>
        <translation>%1: done (%2)</translation>
    </message>
    <message>
        <source>, new deployment %1</source>
        <translation>, new deployment %1</translation>
    </message>
    <message>
        <source>Roll back to the deployment that ran before (%1)</source>
        <translation>Roll back to the deployment that ran before (%1)</translation>
    </message>
</context>
<context>
    <name>Orrery::RailwayResponse</name>
    <message>
        <source>Railway is rate limiting this token (HTTP 429)</source>
        <translation>Railway is rate limiting this token (HTTP 429)</translation>
    </message>
    <message>
        <source>Railway answered HTTP %1</source>
        <translation>Railway answered HTTP %1</translation>
    </message>
    <message>
        <source>Railway refused the token (HTTP %1)</source>
        <translation>Railway refused the token (HTTP %1)</translation>
    </message>
    <message>
        <source>HTTP %1: Railway's answer is not a GraphQL answer</source>
        <translation>HTTP %1: Railway's answer is not a GraphQL answer</translation>
    </message>
    <message>
        <source>Railway answered with an error</source>
        <translation>Railway answered with an error</translation>
    </message>
    <message>
        <source>the token does not give access to this project or environment</source>
        <translation>the token does not give access to this project or environment</translation>
    </message>
    <message>
        <source>check RAILWAY_API_TOKEN / RAILWAY_TOKEN, or run `railway login`</source>
        <translation>check RAILWAY_API_TOKEN / RAILWAY_TOKEN, or run `railway login`</translation>
    </message>
    <message>
        <source>HTTP %1: Railway's answer has no data</source>
        <translation>HTTP %1: Railway's answer has no data</translation>
    </message>
    <message>
        <source>Railway's answer names no user</source>
        <translation>Railway's answer names no user</translation>
    </message>
    <message>
        <source>Railway's answer names no project token</source>
        <translation>Railway's answer names no project token</translation>
    </message>
    <message>
        <source>Railway's answer has no projects</source>
        <translation>Railway's answer has no projects</translation>
    </message>
    <message>
        <source>Railway's answer has no project</source>
        <translation>Railway's answer has no project</translation>
    </message>
    <message>
        <source>Railway's answer has no deployments</source>
        <translation>Railway's answer has no deployments</translation>
    </message>
    <message>
        <source>Railway's answer has no service instance</source>
        <translation>Railway's answer has no service instance</translation>
    </message>
    <message>
        <source>Railway's answer to %1 is not a Boolean</source>
        <translation>Railway's answer to %1 is not a Boolean</translation>
    </message>
    <message>
        <source>Railway's answer to deploymentRedeploy has no deployment</source>
        <translation>Railway's answer to deploymentRedeploy has no deployment</translation>
    </message>
    <message>
        <source>http %1: %2</source>
        <translation>http %1: %2</translation>
    </message>
    <message>
        <source>passing</source>
        <translation>passing</translation>
    </message>
    <message>
        <source>failing</source>
        <translation>failing</translation>
    </message>
</context>
<context>
    <name>Orrery::ResourceBrowser</name>
    <message>
        <source>Filter by name, or a label selector like app=web,tier!=db  (Ctrl+F)</source>
        <translation>Filter by name, or a label selector like app=web,tier!=db  (Ctrl+F)</translation>
    </message>
    <message>
        <source>No cluster selected</source>
        <translation>No cluster selected</translation>
    </message>
    <message>
        <source>Choose a context on the left to connect.</source>
        <translation>Choose a context on the left to connect.</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Try Again</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <source>This context is disconnected.</source>
        <translation>This context is disconnected.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Reconnect</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Loading %1…</translation>
    </message>
    <message>
        <source>Nothing matches the filter "%1".</source>
        <translation>Nothing matches the filter "%1".</translation>
    </message>
    <message>
        <source>There are none in the selected namespaces (%1).</source>
        <translation>There are none in the selected namespaces (%1).</translation>
    </message>
    <message>
        <source>The cluster has none.</source>
        <translation>The cluster has none.</translation>
    </message>
    <message>
        <source>No %1</source>
        <translation>No %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message numerus="yes">
        <source>Refreshing %1… %2 of about %Ln</source>
        <translation>
            <numerusform>Refreshing %1… %2 of about %Ln</numerusform>
            <numerusform>Refreshing %1… %2 of about %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading %1… %2 of about %Ln</source>
        <translation>
            <numerusform>Loading %1… %2 of about %Ln</numerusform>
            <numerusform>Loading %1… %2 of about %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refreshing %1… %Ln so far</source>
        <translation>
            <numerusform>Refreshing %1… %Ln so far</numerusform>
            <numerusform>Refreshing %1… %Ln so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading %1… %Ln so far</source>
        <translation>
            <numerusform>Loading %1… %Ln so far</numerusform>
            <numerusform>Loading %1… %Ln so far</numerusform>
        </translation>
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
        <translation>FIRST SEEN</translation>
    </message>
</context>
<context>
    <name>Orrery::ResourceMetrics</name>
    <message>
        <source>the metrics answer is not a JSON object</source>
        <translation>the metrics answer is not a JSON object</translation>
    </message>
    <message>
        <source>expected a %1, the server answered a %2</source>
        <translation>expected a %1, the server answered a %2</translation>
    </message>
    <message>
        <source>%1 "%2" is not a quantity</source>
        <translation>%1 "%2" is not a quantity</translation>
    </message>
    <message>
        <source>item %1</source>
        <translation>item %1</translation>
    </message>
    <message>
        <source>the list has more than %1 items; the rest is left out</source>
        <translation>the list has more than %1 items; the rest is left out</translation>
    </message>
    <message>
        <source>%1: no metadata.name</source>
        <translation>%1: no metadata.name</translation>
    </message>
    <message>
        <source>more than %1 containers</source>
        <translation>more than %1 containers</translation>
    </message>
    <message>
        <source>the containers' usage does not add up to a number Orrery can hold</source>
        <translation>the containers' usage does not add up to a number Orrery can hold</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
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
        <translation>Events</translation>
    </message>
    <message>
        <source>Controller Revisions</source>
        <translation>Controller Revisions</translation>
    </message>
    <message>
        <source>Workloads</source>
        <translation>Workloads</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>Config and Storage</source>
        <translation>Config and Storage</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s): see the Problems page</source>
        <translation>
            <numerusform>%n problem: see the Problems page</numerusform>
            <numerusform>%n problems: see the Problems page</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Orrery::RestartOperation</name>
    <message>
        <source>Restart %1</source>
        <translation>Restart %1</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Restart</translation>
    </message>
    <message>
        <source>Cannot restart</source>
        <translation>Cannot restart</translation>
    </message>
</context>
<context>
    <name>Orrery::RevisionHistory</name>
    <message>
        <source>revision %1</source>
        <translation>revision %1</translation>
    </message>
    <message>
        <source>Select a revision.</source>
        <translation>Select a revision.</translation>
    </message>
    <message>
        <source>This is the revision running now.</source>
        <translation>This is the revision running now.</translation>
    </message>
    <message>
        <source>The pod templates are identical: rolling back changes nothing (kubectl skips it).</source>
        <translation>The pod templates are identical: rolling back changes nothing (kubectl skips it).</translation>
    </message>
    <message>
        <source>Previous revision: %1 (%2), the one `kubectl rollout undo` picks: the newest revision before the one running. After a rollback or a second change, that is the revision just left, even a broken one; select another to go further back.</source>
        <translation>Previous revision: %1 (%2), the one `kubectl rollout undo` picks: the newest revision before the one running. After a rollback or a second change, that is the revision just left, even a broken one; select another to go further back.</translation>
    </message>
</context>
<context>
    <name>Orrery::RevisionListModel</name>
    <message>
        <source>%1 (current)</source>
        <translation>%1 (current)</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Change cause</source>
        <translation>Change cause</translation>
    </message>
</context>
<context>
    <name>Orrery::RollbackDialog</name>
    <message>
        <source>Roll back %1</source>
        <translation>Roll back %1</translation>
    </message>
    <message>
        <source>Revisions of %1, newest first. The diff shows what changes in the pod template when rolling back to the selected revision.</source>
        <translation>Revisions of %1, newest first. The diff shows what changes in the pod template when rolling back to the selected revision.</translation>
    </message>
    <message>
        <source>Previous revision</source>
        <translation>Previous revision</translation>
    </message>
    <message>
        <source>Select the revision `kubectl rollout undo` would choose.</source>
        <translation>Select the revision `kubectl rollout undo` would choose.</translation>
    </message>
    <message>
        <source>Roll back…</source>
        <translation>Roll back…</translation>
    </message>
    <message>
        <source>Roll back to %1…</source>
        <translation>Roll back to %1…</translation>
    </message>
</context>
<context>
    <name>Orrery::RollbackOperation</name>
    <message>
        <source>No revision history.</source>
        <translation>No revision history.</translation>
    </message>
    <message>
        <source>Roll back %1 to revision %2</source>
        <translation>Roll back %1 to revision %2</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Roll back</translation>
    </message>
    <message>
        <source>Cannot roll back</source>
        <translation>Cannot roll back</translation>
    </message>
    <message>
        <source>Rolled back %1/%2 to revision %3 (was %4).</source>
        <translation>Rolled back %1/%2 to revision %3 (was %4).</translation>
    </message>
</context>
<context>
    <name>Orrery::RolloutStatus</name>
    <message>
        <source>no status viewer has been implemented for %1</source>
        <translation>no status viewer has been implemented for %1</translation>
    </message>
</context>
<context>
    <name>Orrery::RolloutTracker</name>
    <message>
        <source>Rollout of %1 %2/%3</source>
        <translation>Rollout of %1 %2/%3</translation>
    </message>
    <message>
        <source>Stop following and dismiss</source>
        <translation>Stop following and dismiss</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Roll back</translation>
    </message>
    <message>
        <source>Undo to the previous revision (asks for confirmation).</source>
        <translation>Undo to the previous revision (asks for confirmation).</translation>
    </message>
</context>
<context>
    <name>Orrery::RolloutWatch</name>
    <message>
        <source>Waiting for the first status…</source>
        <translation>Waiting for the first status…</translation>
    </message>
    <message>
        <source>Stopped following: the cluster was disconnected.</source>
        <translation>Stopped following: the cluster was disconnected.</translation>
    </message>
    <message>
        <source>Stopped following after %1 minutes without a verdict: %2</source>
        <translation>Stopped following after %1 minutes without a verdict: %2</translation>
    </message>
    <message>
        <source>%1 %2 no longer exists.</source>
        <translation>%1 %2 no longer exists.</translation>
    </message>
    <message>
        <source>Could not read the status: %1</source>
        <translation>Could not read the status: %1</translation>
    </message>
    <message>
        <source>Rollout failed.</source>
        <translation>Rollout failed.</translation>
    </message>
    <message>
        <source>%1/%2: %3 %4</source>
        <translation>%1/%2: %3 %4</translation>
    </message>
</context>
<context>
    <name>Orrery::RunbookCaptionOverlay</name>
    <message>
        <source>Step %1 / %2</source>
        <translation>Step %1 / %2</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Next: %1</translation>
    </message>
    <message>
        <source>%1 — running…</source>
        <translation>%1 — running…</translation>
    </message>
    <message>
        <source>✗ Step %1 failed: %2</source>
        <translation>✗ Step %1 failed: %2</translation>
    </message>
    <message>
        <source>… %1 (now: %2)</source>
        <translation>… %1 (now: %2)</translation>
    </message>
    <message>
        <source>✗ %1 (observed: %2)</source>
        <translation>✗ %1 (observed: %2)</translation>
    </message>
</context>
<context>
    <name>Orrery::RunbookExpectation</name>
    <message>
        <source>pods of %1: %2</source>
        <translation>pods of %1: %2</translation>
    </message>
    <message>
        <source>every pod of %1 %2</source>
        <translation>every pod of %1 %2</translation>
    </message>
    <message>
        <source>pods of %1 in %2: %3</source>
        <translation>pods of %1 in %2: %3</translation>
    </message>
    <message>
        <source>rollout of %1 complete</source>
        <translation>rollout of %1 complete</translation>
    </message>
    <message>
        <source>%1 replicas of %2: %3</source>
        <translation>%1 replicas of %2: %3</translation>
    </message>
    <message>
        <source>image of %1 is %2</source>
        <translation>image of %1 is %2</translation>
    </message>
    <message>
        <source>image of %1, container %2, is %3</source>
        <translation>image of %1, container %2, is %3</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>revision %1</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>status %1</translation>
    </message>
    <message>
        <source>Helm release %1: %2</source>
        <translation>Helm release %1: %2</translation>
    </message>
</context>
<context>
    <name>Orrery::RunbookParser</name>
    <message>
        <source>unknown runbook field "%1"</source>
        <translation>unknown runbook field "%1"</translation>
    </message>
    <message>
        <source>a runbook needs a non-empty list of steps</source>
        <translation>a runbook needs a non-empty list of steps</translation>
    </message>
    <message>
        <source>Invalid YAML: %1</source>
        <translation>Invalid YAML: %1</translation>
    </message>
    <message>
        <source>Cannot read the runbook: %1</source>
        <translation>Cannot read the runbook: %1</translation>
    </message>
</context>
<context>
    <name>Orrery::RunbookPlayer</name>
    <message>
        <source>Open runbook…</source>
        <translation>Open runbook…</translation>
    </message>
    <message>
        <source>Start…</source>
        <translation>Start…</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Runbook player</source>
        <translation>Runbook player</translation>
    </message>
    <message>
        <source>The runbooks shipped for this context's demo scenario</source>
        <translation>The runbooks shipped for this context's demo scenario</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Runs the next step (Right, Space or Page Down; presentation clickers send Page Down)</source>
        <translation>Runs the next step (Right, Space or Page Down; presentation clickers send Page Down)</translation>
    </message>
    <message>
        <source>No shipped runbook for this context</source>
        <translation>No shipped runbook for this context</translation>
    </message>
    <message numerus="yes">
        <source>Shipped runbooks (%n)</source>
        <translation>
            <numerusform>Shipped runbooks (%n)</numerusform>
            <numerusform>Shipped runbooks (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Open runbook</source>
        <translation>Open runbook</translation>
    </message>
    <message>
        <source>Runbooks (*.yaml *.yml);;All files (*)</source>
        <translation>Runbooks (*.yaml *.yml);;All files (*)</translation>
    </message>
    <message>
        <source>(pinned to context %1)</source>
        <translation>(pinned to context %1)</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s). Start to play them one by one.</source>
        <translation>
            <numerusform>%n step. Start to play them one by one.</numerusform>
            <numerusform>%n steps. Start to play them one by one.</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1 of %2</source>
        <translation>Line %1 of %2</translation>
    </message>
    <message numerus="yes">
        <source>Play "%1": %n step(s)</source>
        <translation>
            <numerusform>Play "%1": %n step</numerusform>
            <numerusform>Play "%1": %n steps</numerusform>
        </translation>
    </message>
    <message>
        <source>No step changes the cluster.</source>
        <translation>No step changes the cluster.</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) change the cluster, each when you press Next:</source>
        <translation>
            <numerusform>%n step change the cluster, each when you press Next:</numerusform>
            <numerusform>%n steps change the cluster, each when you press Next:</numerusform>
        </translation>
    </message>
    <message>
        <source>Connect to a cluster first.</source>
        <translation>Connect to a cluster first.</translation>
    </message>
    <message>
        <source>Runbook</source>
        <translation>Runbook</translation>
    </message>
    <message>
        <source>Play runbook</source>
        <translation>Play runbook</translation>
    </message>
    <message>
        <source>Start runbook</source>
        <translation>Start runbook</translation>
    </message>
    <message>
        <source>Started on %1. Press Next (Right, Space, Page Down) for each step.</source>
        <translation>Started on %1. Press Next (Right, Space, Page Down) for each step.</translation>
    </message>
    <message>
        <source>next</source>
        <translation>next</translation>
    </message>
    <message>
        <source>Next: %1 — press Next step (Right, Space, Page Down).</source>
        <translation>Next: %1 — press Next step (Right, Space, Page Down).</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>running…</translation>
    </message>
    <message>
        <source>Runbook finished: every step succeeded.</source>
        <translation>Runbook finished: every step succeeded.</translation>
    </message>
    <message>
        <source>Stopped at step %1: %2</source>
        <translation>Stopped at step %1: %2</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Stopped.</translation>
    </message>
    <message>
        <source>A step whose writes cannot be recorded is not sent. Free some disk space or fix the permissions of %1.</source>
        <translation>A step whose writes cannot be recorded is not sent. Free some disk space or fix the permissions of %1.</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Play on the live diagram, full screen, with the captions over it (F5); the same keys run the steps</source>
        <translation>Play on the live diagram, full screen, with the captions over it (F5); the same keys run the steps</translation>
    </message>
    <message>
        <source>Expect %1</source>
        <translation>Expect %1</translation>
    </message>
    <message>
        <source>Within %1 s; line %2 of %3</source>
        <translation>Within %1 s; line %2 of %3</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>checking…</translation>
    </message>
    <message>
        <source>holds</source>
        <translation>holds</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Orrery::RunbookRunner</name>
    <message>
        <source>No cluster to run the step on.</source>
        <translation>No cluster to run the step on.</translation>
    </message>
    <message>
        <source>The runbook is pinned to context "%1"; it refuses to run against "%2".</source>
        <translation>The runbook is pinned to context "%1"; it refuses to run against "%2".</translation>
    </message>
    <message>
        <source>Context "%1" reaches a protected cluster and step %2 (line %3) changes it; nothing was sent.</source>
        <translation>Context "%1" reaches a protected cluster and step %2 (line %3) changes it; nothing was sent.</translation>
    </message>
    <message>
        <source>--yes-i-mean names "%1", but the runbook would run against context "%2" on a protected cluster; nothing was sent.</source>
        <translation>--yes-i-mean names "%1", but the runbook would run against context "%2" on a protected cluster; nothing was sent.</translation>
    </message>
    <message>
        <source>to write to it anyway, repeat the context name: --yes-i-mean %1</source>
        <translation>to write to it anyway, repeat the context name: --yes-i-mean %1</translation>
    </message>
    <message>
        <source>no cluster state to check it against</source>
        <translation>no cluster state to check it against</translation>
    </message>
    <message>
        <source>expected %1 within %2 s (line %3); observed: %4</source>
        <translation>expected %1 within %2 s (line %3); observed: %4</translation>
    </message>
</context>
<context>
    <name>Orrery::ScaleDialog</name>
    <message>
        <source>Scale %1</source>
        <translation>Scale %1</translation>
    </message>
    <message>
        <source>Minimum replicas:</source>
        <translation>Minimum replicas:</translation>
    </message>
    <message>
        <source>Maximum replicas:</source>
        <translation>Maximum replicas:</translation>
    </message>
    <message>
        <source>Replicas (now %1):</source>
        <translation>Replicas (now %1):</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Review…</translation>
    </message>
    <message>
        <source>Checking permission…</source>
        <translation>Checking permission…</translation>
    </message>
</context>
<context>
    <name>Orrery::ScaleOperation</name>
    <message>
        <source>Scale %1</source>
        <translation>Scale %1</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Scale</translation>
    </message>
    <message>
        <source>Cannot scale</source>
        <translation>Cannot scale</translation>
    </message>
    <message>
        <source>Scaled %1/%2 to %3 replicas (was %4).</source>
        <translation>Scaled %1/%2 to %3 replicas (was %4).</translation>
    </message>
    <message>
        <source>The HorizontalPodAutoscaler %1 controls the replicas of %2 (min %3, max %4, now %5). A manual scale would be undone within seconds, so change the autoscaler's bounds instead.</source>
        <translation>The HorizontalPodAutoscaler %1 controls the replicas of %2 (min %3, max %4, now %5). A manual scale would be undone within seconds, so change the autoscaler's bounds instead.</translation>
    </message>
</context>
<context>
    <name>Orrery::ServerSideApply</name>
    <message>
        <source>A document is not a Kubernetes object.</source>
        <translation>A document is not a Kubernetes object.</translation>
    </message>
    <message>
        <source>The object has no apiVersion or kind.</source>
        <translation>The object has no apiVersion or kind.</translation>
    </message>
    <message>
        <source>The %1 has no metadata.name.</source>
        <translation>The %1 has no metadata.name.</translation>
    </message>
    <message>
        <source>The server does not serve %1 in %2.</source>
        <translation>The server does not serve %1 in %2.</translation>
    </message>
    <message>
        <source>Install its CustomResourceDefinition first, or refresh discovery.</source>
        <translation>Install its CustomResourceDefinition first, or refresh discovery.</translation>
    </message>
    <message>
        <source>Apply %1 %2 (server dry run)</source>
        <translation>Apply %1 %2 (server dry run)</translation>
    </message>
    <message>
        <source>Apply %1 %2</source>
        <translation>Apply %1 %2</translation>
    </message>
    <message>
        <source>document %1</source>
        <translation>document %1</translation>
    </message>
    <message>
        <source>The file holds no objects.</source>
        <translation>The file holds no objects.</translation>
    </message>
    <message>
        <source>another manager</source>
        <translation>another manager</translation>
    </message>
    <message>
        <source>Apply failed: 1 field is managed by someone else.</source>
        <translation>Apply failed: 1 field is managed by someone else.</translation>
    </message>
    <message>
        <source>Apply failed: %1 fields are managed by someone else.</source>
        <translation>Apply failed: %1 fields are managed by someone else.</translation>
    </message>
    <message>
        <source>  "%1" manages %2</source>
        <translation>  "%1" manages %2</translation>
    </message>
    <message>
        <source>Apply again with "force" to take these fields over, remove them from your manifest so they keep their current manager, or set them to the current values to share ownership.</source>
        <translation>Apply again with "force" to take these fields over, remove them from your manifest so they keep their current manager, or set them to the current values to share ownership.</translation>
    </message>
</context>
<context>
    <name>Orrery::SessionManager</name>
    <message numerus="yes">
        <source>the computer woke up or its clock jumped by %n s</source>
        <translation>
            <numerusform>the computer woke up or its clock jumped by %n s</numerusform>
            <numerusform>the computer woke up or its clock jumped by %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>the network came back</source>
        <translation>the network came back</translation>
    </message>
    <message>
        <source>reloading: %1</source>
        <translation>reloading: %1</translation>
    </message>
</context>
<context>
    <name>Orrery::SetImageDialog</name>
    <message>
        <source>Set image of %1</source>
        <translation>Set image of %1</translation>
    </message>
    <message>
        <source>%1 (init)</source>
        <translation>%1 (init)</translation>
    </message>
    <message>
        <source>Container:</source>
        <translation>Container:</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>Image:</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Review…</translation>
    </message>
</context>
<context>
    <name>Orrery::SetImageOperation</name>
    <message>
        <source>%1 has no containers.</source>
        <translation>%1 has no containers.</translation>
    </message>
    <message>
        <source>Set image of %1</source>
        <translation>Set image of %1</translation>
    </message>
    <message>
        <source>Set image</source>
        <translation>Set image</translation>
    </message>
    <message>
        <source>Cannot set the image</source>
        <translation>Cannot set the image</translation>
    </message>
    <message>
        <source>Set the image of %1 in %2/%3 to %4 (was %5).</source>
        <translation>Set the image of %1 in %2/%3 to %4 (was %5).</translation>
    </message>
</context>
<context>
    <name>Orrery::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Keyboard Shortcuts</translation>
    </message>
    <message>
        <source>Up, Down, Page Up, Page Down</source>
        <translation>Up, Down, Page Up, Page Down</translation>
    </message>
    <message>
        <source>Move in the table</source>
        <translation>Move in the table</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Open the selected object's details</source>
        <translation>Open the selected object's details</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Down, Enter (in the filter)</source>
        <translation>Down, Enter (in the filter)</translation>
    </message>
    <message>
        <source>Move from the filter into the rows</source>
        <translation>Move from the filter into the rows</translation>
    </message>
</context>
<context>
    <name>Orrery::SilenceDialog</name>
    <message>
        <source>Silence %1</source>
        <translation>Silence %1</translation>
    </message>
    <message>
        <source>Alertmanager mutes every alert whose labels match all the checked matchers. Uncheck a label to silence more alerts (for example every pod of a workload).</source>
        <translation>Alertmanager mutes every alert whose labels match all the checked matchers. Uncheck a label to silence more alerts (for example every pod of a workload).</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15 minutes</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hour</translation>
    </message>
    <message>
        <source>2 hours</source>
        <translation>2 hours</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 hours</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 day</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 week</translation>
    </message>
    <message>
        <source>Why (required by Alertmanager), e.g. "load test, ticket OPS-12"</source>
        <translation>Why (required by Alertmanager), e.g. "load test, ticket OPS-12"</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Duration:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Comment:</translation>
    </message>
    <message>
        <source>Created by:</source>
        <translation>Created by:</translation>
    </message>
    <message>
        <source>Silence…</source>
        <translation>Silence…</translation>
    </message>
</context>
<context>
    <name>Orrery::StreamOperation</name>
    <message>
        <source>the API server allows it (a stream has no server dry run: the permission was checked).</source>
        <translation>the API server allows it (a stream has no server dry run: the permission was checked).</translation>
    </message>
</context>
<context>
    <name>Orrery::TimeSeriesChart</name>
    <message>
        <source>Time range</source>
        <translation>Time range</translation>
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
        <translation>7 d</translation>
    </message>
    <message>
        <source>No data yet.</source>
        <translation>No data yet.</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>Save as PNG…</translation>
    </message>
    <message>
        <source>Time Range</source>
        <translation>Time Range</translation>
    </message>
    <message>
        <source>Save Chart as PNG</source>
        <translation>Save Chart as PNG</translation>
    </message>
    <message>
        <source>chart.png</source>
        <translation>chart.png</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
</context>
<context>
    <name>Orrery::TopologyAggregateItem</name>
    <message numerus="yes">
        <source>%n workload(s)</source>
        <translation>
            <numerusform>%n workload</numerusform>
            <numerusform>%n workloads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Service(s)</source>
        <translation>
            <numerusform>%n Service</numerusform>
            <numerusform>%n Services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s)</source>
        <translation>
            <numerusform>%n pod</numerusform>
            <numerusform>%n pods</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failing</source>
        <translation>
            <numerusform>%n failing</numerusform>
            <numerusform>%n failing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not ready</source>
        <translation>
            <numerusform>%n not ready</numerusform>
            <numerusform>%n not ready</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n pending</numerusform>
            <numerusform>%n pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n terminating</source>
        <translation>
            <numerusform>%n terminating</numerusform>
            <numerusform>%n terminating</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n running</numerusform>
            <numerusform>%n running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n completed</source>
        <translation>
            <numerusform>%n completed</numerusform>
            <numerusform>%n completed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unknown</source>
        <translation>
            <numerusform>%n unknown</numerusform>
            <numerusform>%n unknown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Orrery::TopologyBuilder</name>
    <message>
        <source>revision %1</source>
        <translation>revision %1</translation>
    </message>
    <message>
        <source>rolling out: %1 of %2 updated</source>
        <translation>rolling out: %1 of %2 updated</translation>
    </message>
    <message>
        <source>%1 active, %2 succeeded, %3 failed</source>
        <translation>%1 active, %2 succeeded, %3 failed</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>suspended</translation>
    </message>
    <message numerus="yes">
        <source>%n active</source>
        <translation>
            <numerusform>%n active</numerusform>
            <numerusform>%n active</numerusform>
        </translation>
    </message>
    <message>
        <source>address pending</source>
        <translation>address pending</translation>
    </message>
    <message>
        <source>any host</source>
        <translation>any host</translation>
    </message>
    <message>
        <source>HTTP(S)</source>
        <translation>HTTP(S)</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n key</numerusform>
            <numerusform>%n keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s)</source>
        <translation>
            <numerusform>%n pod</numerusform>
            <numerusform>%n pods</numerusform>
        </translation>
    </message>
    <message>
        <source>node %1</source>
        <translation>node %1</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>not scheduled</translation>
    </message>
</context>
<context>
    <name>Orrery::TopologyMinimap</name>
    <message>
        <source>Overview: click to move there</source>
        <translation>Overview: click to move there</translation>
    </message>
</context>
<context>
    <name>Orrery::TopologyNodeItem</name>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Ready: %1/%2 containers</source>
        <translation>Ready: %1/%2 containers</translation>
    </message>
    <message>
        <source>Restarts: %1</source>
        <translation>Restarts: %1</translation>
    </message>
    <message>
        <source>Ready: %1 of %2</source>
        <translation>Ready: %1 of %2</translation>
    </message>
    <message>
        <source>Application: %1</source>
        <translation>Application: %1</translation>
    </message>
    <message>
        <source>Usage: %1% of request</source>
        <translation>Usage: %1% of request</translation>
    </message>
    <message numerus="yes">
        <source>%n firing alert(s)</source>
        <translation>
            <numerusform>%n firing alert</numerusform>
            <numerusform>%n firing alerts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Orrery::TopologyPage</name>
    <message>
        <source>External entries</source>
        <translation>External entries</translation>
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
        <translation>Find in topology (Enter: next match)</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message>
        <source>No match</source>
        <translation>No match</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Zoom in (+)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Zoom out (-)</translation>
    </message>
    <message>
        <source>Relayout</source>
        <translation>Relayout</translation>
    </message>
    <message>
        <source>Lay the diagram out again from scratch</source>
        <translation>Lay the diagram out again from scratch</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filters</translation>
    </message>
    <message>
        <source>Which kinds, namespaces and health to show</source>
        <translation>Which kinds, namespaces and health to show</translation>
    </message>
    <message>
        <source>Only unhealthy (with neighbours)</source>
        <translation>Only unhealthy (with neighbours)</translation>
    </message>
    <message>
        <source>Hide system namespaces</source>
        <translation>Hide system namespaces</translation>
    </message>
    <message>
        <source>Show ConfigMaps and Secrets</source>
        <translation>Show ConfigMaps and Secrets</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>Kinds</translation>
    </message>
    <message>
        <source>Label selector, e.g. app=web</source>
        <translation>Label selector, e.g. app=web</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Save the diagram as PNG, SVG or JSON</source>
        <translation>Save the diagram as PNG, SVG or JSON</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Presenter mode (F5)</source>
        <translation>Presenter mode (F5)</translation>
    </message>
    <message>
        <source>Export topology</source>
        <translation>Export topology</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;JSON (*.json)</source>
        <translation>PNG image (*.png);;SVG drawing (*.svg);;JSON (*.json)</translation>
    </message>
    <message>
        <source>No topology to export.</source>
        <translation>No topology to export.</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <source>Group by node</source>
        <translation>Group by node</translation>
    </message>
    <message>
        <source>Box pods by the Kubernetes node they run on instead of by application</source>
        <translation>Box pods by the Kubernetes node they run on instead of by application</translation>
    </message>
    <message>
        <source>Fit the diagram into the window at a zoom where names stay readable</source>
        <translation>Fit the diagram into the window at a zoom where names stay readable</translation>
    </message>
    <message>
        <source>Whole</source>
        <translation>Whole</translation>
    </message>
    <message>
        <source>Show the whole diagram, however small</source>
        <translation>Show the whole diagram, however small</translation>
    </message>
    <message>
        <source>Show logs</source>
        <translation>Show logs</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Show details</translation>
    </message>
    <message>
        <source>Topology: presenter mode (full screen)</source>
        <translation>Topology: presenter mode (full screen)</translation>
    </message>
    <message>
        <source>Topology: search</source>
        <translation>Topology: search</translation>
    </message>
    <message>
        <source>Heat</source>
        <translation>Heat</translation>
    </message>
    <message>
        <source>Colour pods, workloads and nodes by CPU or memory use against their requests (nodes: allocatable)</source>
        <translation>Colour pods, workloads and nodes by CPU or memory use against their requests (nodes: allocatable)</translation>
    </message>
    <message>
        <source>No heat overlay</source>
        <translation>No heat overlay</translation>
    </message>
    <message>
        <source>CPU of request</source>
        <translation>CPU of request</translation>
    </message>
    <message>
        <source>Memory of request</source>
        <translation>Memory of request</translation>
    </message>
    <message>
        <source>Heat: CPU</source>
        <translation>Heat: CPU</translation>
    </message>
    <message>
        <source>Heat: memory</source>
        <translation>Heat: memory</translation>
    </message>
    <message>
        <source>CPU use of request (nodes: of allocatable)</source>
        <translation>CPU use of request (nodes: of allocatable)</translation>
    </message>
    <message>
        <source>Memory use of request (nodes: of allocatable)</source>
        <translation>Memory use of request (nodes: of allocatable)</translation>
    </message>
    <message>
        <source>Building the topology…</source>
        <translation>Building the topology…</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>topology status: objects shown, objects needing attention</comment>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln objects</source>
        <translation>
            <numerusform>%Ln objects</numerusform>
            <numerusform>%Ln objects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln need attention</source>
        <translation>
            <numerusform>%Ln need attention</numerusform>
            <numerusform>%Ln need attention</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Orrery::TopologyScene</name>
    <message>
        <source>Double-click or zoom in to show its objects</source>
        <translation>Double-click or zoom in to show its objects</translation>
    </message>
</context>
<context>
    <name>Orrery::TopologyView</name>
    <message>
        <source>Show logs</source>
        <translation>Show logs</translation>
    </message>
    <message>
        <source>Open shell</source>
        <translation>Open shell</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Show details</translation>
    </message>
    <message>
        <source>Scale…</source>
        <translation>Scale…</translation>
    </message>
    <message>
        <source>Restart rollout</source>
        <translation>Restart rollout</translation>
    </message>
    <message>
        <source>Roll back…</source>
        <translation>Roll back…</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>Run now</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Suspend</translation>
    </message>
    <message>
        <source>Port forward…</source>
        <translation>Port forward…</translation>
    </message>
    <message>
        <source>Edit replica limits…</source>
        <translation>Edit replica limits…</translation>
    </message>
    <message>
        <source>Clear focus</source>
        <translation>Clear focus</translation>
    </message>
    <message>
        <source>Focus on neighbourhood</source>
        <translation>Focus on neighbourhood</translation>
    </message>
    <message>
        <source>Expand pods</source>
        <translation>Expand pods</translation>
    </message>
</context>
<context>
    <name>Orrery::UndoBanner</name>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>Orrery::WelcomePage</name>
    <message>
        <source>Welcome to Orrery</source>
        <translation>Welcome to Orrery</translation>
    </message>
    <message>
        <source>See your Kubernetes clusters live: workloads, networking, storage and events, with changes that cannot go to the wrong cluster.</source>
        <translation>See your Kubernetes clusters live: workloads, networking, storage and events, with changes that cannot go to the wrong cluster.</translation>
    </message>
    <message>
        <source>Open the demo cluster</source>
        <translation>Open the demo cluster</translation>
    </message>
    <message>
        <source>A simulated cluster on this computer; nothing real is touched.</source>
        <translation>A simulated cluster on this computer; nothing real is touched.</translation>
    </message>
    <message>
        <source>Open a kubeconfig file…</source>
        <translation>Open a kubeconfig file…</translation>
    </message>
    <message>
        <source>Use the clusters and credentials kubectl uses.</source>
        <translation>Use the clusters and credentials kubectl uses.</translation>
    </message>
    <message>
        <source>Add a cloud account</source>
        <translation>Add a cloud account</translation>
    </message>
    <message>
        <source>AWS, Google Cloud, Azure</source>
        <translation>AWS, Google Cloud, Azure</translation>
    </message>
    <message>
        <source>Coming later</source>
        <translation>Coming later</translation>
    </message>
    <message>
        <source>Open Kubeconfig</source>
        <translation>Open Kubeconfig</translation>
    </message>
    <message>
        <source>Kubeconfig (config *.yaml *.yml *.conf);;All files (*)</source>
        <translation>Kubeconfig (config *.yaml *.yml *.conf);;All files (*)</translation>
    </message>
</context>
<context>
    <name>Orrery::WorkloadActions</name>
    <message>
        <source>The object has no kind or name.</source>
        <translation>The object has no kind or name.</translation>
    </message>
    <message>
        <source>%1 is not a kind Orrery can change.</source>
        <translation>%1 is not a kind Orrery can change.</translation>
    </message>
    <message>
        <source>The replica count cannot be negative.</source>
        <translation>The replica count cannot be negative.</translation>
    </message>
    <message>
        <source>A %1 cannot be scaled.</source>
        <translation>A %1 cannot be scaled.</translation>
    </message>
    <message>
        <source>Scale %1 to %2 replicas</source>
        <translation>Scale %1 to %2 replicas</translation>
    </message>
    <message>
        <source>maxReplicas must be at least minReplicas, and minReplicas at least 1.</source>
        <translation>maxReplicas must be at least minReplicas, and minReplicas at least 1.</translation>
    </message>
    <message>
        <source>Set %1 to scale between %2 and %3 replicas</source>
        <translation>Set %1 to scale between %2 and %3 replicas</translation>
    </message>
    <message>
        <source>restarting is not supported for %1</source>
        <translation>restarting is not supported for %1</translation>
    </message>
    <message>
        <source>can't restart paused deployment (run rollout resume first)</source>
        <translation>can't restart paused deployment (run rollout resume first)</translation>
    </message>
    <message>
        <source>Restart the pods of %1</source>
        <translation>Restart the pods of %1</translation>
    </message>
    <message>
        <source>pausing is not supported for %1</source>
        <translation>pausing is not supported for %1</translation>
    </message>
    <message>
        <source>deployment.apps/%1 is already paused</source>
        <translation>deployment.apps/%1 is already paused</translation>
    </message>
    <message>
        <source>Pause the rollout of %1</source>
        <translation>Pause the rollout of %1</translation>
    </message>
    <message>
        <source>resuming is not supported for %1</source>
        <translation>resuming is not supported for %1</translation>
    </message>
    <message>
        <source>deployment.apps/%1 is not paused</source>
        <translation>deployment.apps/%1 is not paused</translation>
    </message>
    <message>
        <source>Resume the rollout of %1</source>
        <translation>Resume the rollout of %1</translation>
    </message>
    <message>
        <source>The image cannot be empty.</source>
        <translation>The image cannot be empty.</translation>
    </message>
    <message>
        <source>%1 has no pod template.</source>
        <translation>%1 has no pod template.</translation>
    </message>
    <message>
        <source>unable to find container named "%1"</source>
        <translation>unable to find container named "%1"</translation>
    </message>
    <message>
        <source>Set the image of container %1 in %2 to %3</source>
        <translation>Set the image of container %1 in %2 to %3</translation>
    </message>
    <message>
        <source>Delete %1 (%2 propagation)</source>
        <translation>Delete %1 (%2 propagation)</translation>
    </message>
</context>
<context>
    <name>Orrery::YamlEditBar</name>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Review and Apply…</source>
        <translation>Review and Apply…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Show Differences</source>
        <translation>Show Differences</translation>
    </message>
    <message>
        <source>Edit this object's YAML in place (E)</source>
        <translation>Edit this object's YAML in place (E)</translation>
    </message>
    <message>
        <source>Ask the server what would change (dry run), then confirm</source>
        <translation>Ask the server what would change (dry run), then confirm</translation>
    </message>
    <message>
        <source>Read the latest version of the object and edit that (your changes are dropped)</source>
        <translation>Read the latest version of the object and edit that (your changes are dropped)</translation>
    </message>
    <message>
        <source>What changed on the server since you started editing</source>
        <translation>What changed on the server since you started editing</translation>
    </message>
    <message>
        <source>Secrets are not edited here: Orrery never reads their values</source>
        <translation>Secrets are not edited here: Orrery never reads their values</translation>
    </message>
    <message>
        <source>Reading %1 for editing…</source>
        <translation>Reading %1 for editing…</translation>
    </message>
    <message>
        <source>Cannot edit: %1</source>
        <translation>Cannot edit: %1</translation>
    </message>
    <message>
        <source>Editing. managedFields and status are left out: the server writes them. Review and Apply shows the server's diff before anything is changed.</source>
        <translation>Editing. managedFields and status are left out: the server writes them. Review and Apply shows the server's diff before anything is changed.</translation>
    </message>
    <message>
        <source>Checking the edit with the server (dry run)…</source>
        <translation>Checking the edit with the server (dry run)…</translation>
    </message>
    <message>
        <source>Changed on the server</source>
        <translation>Changed on the server</translation>
    </message>
    <message>
        <source>What changed on the server since you started editing %1:</source>
        <translation>What changed on the server since you started editing %1:</translation>
    </message>
</context>
<context>
    <name>Orrery::YamlJson</name>
    <message>
        <source>Invalid YAML: %1</source>
        <translation>Invalid YAML: %1</translation>
    </message>
    <message>
        <source>Not valid UTF-8: byte 0x%1 at column %2.</source>
        <translation>Not valid UTF-8: byte 0x%1 at column %2.</translation>
    </message>
    <message>
        <source>save it as UTF-8</source>
        <translation>save it as UTF-8</translation>
    </message>
    <message>
        <source>Invalid YAML: unexpected content after the document (separate documents with a line "---")</source>
        <translation>Invalid YAML: unexpected content after the document (separate documents with a line "---")</translation>
    </message>
</context>
<context>
    <name>PipelineFormat</name>
    <message>
        <source>%1s</source>
        <translation>%1s</translation>
    </message>
    <message>
        <source>%1m %2s</source>
        <translation>%1m %2s</translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation>%1h %2m</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Succeeded</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>child pipeline</source>
        <translation>child pipeline</translation>
    </message>
    <message>
        <source>downstream pipeline</source>
        <translation>downstream pipeline</translation>
    </message>
    <message>
        <source>child pipeline #%1</source>
        <translation>child pipeline #%1</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
</context>
<context>
    <name>PipelineHttp</name>
    <message>
        <source>%1 rejected the credentials: check the token</source>
        <translation>%1 rejected the credentials: check the token</translation>
    </message>
    <message>
        <source>%1 refused: the token lacks the permission (or scope)</source>
        <translation>%1 refused: the token lacks the permission (or scope)</translation>
    </message>
    <message>
        <source>HTTP %1: the answer is not %2</source>
        <translation>HTTP %1: the answer is not %2</translation>
    </message>
</context>
<context>
    <name>PipelineRunRef</name>
    <message>
        <source>use PROVIDER[@HOST]:SOURCE#RUN (github:owner/repo#123, gitlab:group/project#45, jenkins@HOST:folder/job#67) or file:RUN.json</source>
        <translation>use PROVIDER[@HOST]:SOURCE#RUN (github:owner/repo#123, gitlab:group/project#45, jenkins@HOST:folder/job#67) or file:RUN.json</translation>
    </message>
    <message>
        <source>no file named</source>
        <translation>no file named</translation>
    </message>
    <message>
        <source>no provider given</source>
        <translation>no provider given</translation>
    </message>
    <message>
        <source>no source given</source>
        <translation>no source given</translation>
    </message>
    <message>
        <source>empty host</source>
        <translation>empty host</translation>
    </message>
    <message>
        <source>unknown provider "%1" (github, gitlab or jenkins)</source>
        <translation>unknown provider "%1" (github, gitlab or jenkins)</translation>
    </message>
    <message>
        <source>no #RUN given</source>
        <translation>no #RUN given</translation>
    </message>
    <message>
        <source>no run id after #</source>
        <translation>no run id after #</translation>
    </message>
    <message>
        <source>Jenkins needs a host: jenkins@HOST:JOB#N</source>
        <translation>Jenkins needs a host: jenkins@HOST:JOB#N</translation>
    </message>
</context>
<context>
    <name>Pipelines</name>
    <message>
        <source>RUN</source>
        <translation>RUN</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>BRANCH</source>
        <translation>BRANCH</translation>
    </message>
    <message>
        <source>EVENT</source>
        <translation>EVENT</translation>
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
        <translation>usage: orrery --pipelines --provider github|gitlab|jenkins --repo R|--job J [--host H] [--ca FILE] [--json] [--limit N]
       orrery --pipelines --demo --repo R [--json] [--limit N]</translation>
    </message>
    <message>
        <source>orrery: unknown provider "%1" (github, gitlab or jenkins)</source>
        <translation>orrery: unknown provider "%1" (github, gitlab or jenkins)</translation>
    </message>
    <message>
        <source>orrery: --limit takes a number from 1 to 1000</source>
        <translation>orrery: --limit takes a number from 1 to 1000</translation>
    </message>
    <message>
        <source>orrery: say which runs to list with --repo or --job</source>
        <translation>orrery: say which runs to list with --repo or --job</translation>
    </message>
    <message>
        <source>orrery: the demo cluster could not start: %1</source>
        <translation>orrery: the demo cluster could not start: %1</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>timed out</translation>
    </message>
    <message>
        <source>orrery: the demo has no %1 source "%2" (it has: %3)</source>
        <translation>orrery: the demo has no %1 source "%2" (it has: %3)</translation>
    </message>
    <message>
        <source>orrery: %1</source>
        <translation>orrery: %1</translation>
    </message>
    <message>
        <source>orrery: %1 did not answer in time</source>
        <translation>orrery: %1 did not answer in time</translation>
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
        <translation>Playing "%1" (%2 steps) against context %3</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FAILED</translation>
    </message>
    <message numerus="yes">
        <source>Runbook finished: %n step(s) succeeded.</source>
        <translation>
            <numerusform>Runbook finished: %n step succeeded.</numerusform>
            <numerusform>Runbook finished: %n steps succeeded.</numerusform>
        </translation>
    </message>
    <message>
        <source>orrery: the runbook stopped at step %1 (line %2).</source>
        <translation>orrery: the runbook stopped at step %1 (line %2).</translation>
    </message>
    <message>
        <source>orrery: context "%1": %2</source>
        <translation>orrery: context "%1": %2</translation>
    </message>
    <message>
        <source>orrery: the demo cluster could not start: %1</source>
        <translation>orrery: the demo cluster could not start: %1</translation>
    </message>
    <message>
        <source>orrery: demo context "%1": %2 (demo contexts: %3)</source>
        <translation>orrery: demo context "%1": %2 (demo contexts: %3)</translation>
    </message>
    <message>
        <source>Context %1 reaches a protected cluster.</source>
        <translation>Context %1 reaches a protected cluster.</translation>
    </message>
    <message>
        <source>usage: orrery --play FILE --context NAME [--kubeconfig FILE] [--namespace NAME] [--yes-i-mean NAME]
       orrery --play FILE --demo [--context NAME]</source>
        <translation>usage: orrery --play FILE --context NAME [--kubeconfig FILE] [--namespace NAME] [--yes-i-mean NAME]
       orrery --play FILE --demo [--context NAME]</translation>
    </message>
    <message>
        <source>holds</source>
        <translation>holds</translation>
    </message>
    <message>
        <source>not settled</source>
        <translation>not settled</translation>
    </message>
</context>
<context>
    <name>PortForward</name>
    <message>
        <source>usage: orrery --port-forward CONTEXT/NAMESPACE/POD [LOCAL:]REMOTE [--kubeconfig FILE]  (LOCAL 0 or empty: any free port)</source>
        <translation>usage: orrery --port-forward CONTEXT/NAMESPACE/POD [LOCAL:]REMOTE [--kubeconfig FILE]  (LOCAL 0 or empty: any free port)</translation>
    </message>
    <message>
        <source>orrery: context "%1": %2</source>
        <translation>orrery: context "%1": %2</translation>
    </message>
    <message>
        <source>orrery: %1</source>
        <translation>orrery: %1</translation>
    </message>
    <message>
        <source>the API server did not answer</source>
        <translation>the API server did not answer</translation>
    </message>
    <message>
        <source>Forwarding from 127.0.0.1:%1 -&gt; %2</source>
        <translation>Forwarding from 127.0.0.1:%1 -&gt; %2</translation>
    </message>
    <message>
        <source>Handling connection for %1</source>
        <translation>Handling connection for %1</translation>
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
        <translation>a range query needs start &lt;= end and a positive step</translation>
    </message>
</context>
<context>
    <name>PrometheusResponse</name>
    <message>
        <source>the answer has more than %1 %2; narrow the query or its time range</source>
        <translation>the answer has more than %1 %2; narrow the query or its time range</translation>
    </message>
    <message>
        <source>HTTP %1: the answer is not a Prometheus API answer</source>
        <translation>HTTP %1: the answer is not a Prometheus API answer</translation>
    </message>
    <message>
        <source>the answer has no result</source>
        <translation>the answer has no result</translation>
    </message>
    <message>
        <source>unknown result type "%1"</source>
        <translation>unknown result type "%1"</translation>
    </message>
    <message>
        <source>series</source>
        <translation>series</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>samples</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The Azure account of this cluster was removed.</source>
        <translation>The Azure account of this cluster was removed.</translation>
    </message>
    <message>
        <source>The AKS token cannot be waited for on the account's own thread.</source>
        <translation>The AKS token cannot be waited for on the account's own thread.</translation>
    </message>
    <message>
        <source>No token for the AKS cluster within %1 s.</source>
        <translation>No token for the AKS cluster within %1 s.</translation>
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
        <translation>no answer in %1 s</translation>
    </message>
    <message>
        <source>orrery: left out: %1</source>
        <translation>orrery: left out: %1</translation>
    </message>
    <message>
        <source>No resources found</source>
        <translation>No resources found</translation>
    </message>
    <message>
        <source>No resources found in %1 namespace.</source>
        <translation>No resources found in %1 namespace.</translation>
    </message>
    <message>
        <source>usage: orrery --top pods|nodes [--context NAME] [--kubeconfig FILE] [-n NAMESPACE | -A]</source>
        <translation>usage: orrery --top pods|nodes [--context NAME] [--kubeconfig FILE] [-n NAMESPACE | -A]</translation>
    </message>
    <message>
        <source>orrery: context "%1": %2</source>
        <translation>orrery: context "%1": %2</translation>
    </message>
</context>
<context>
    <name>listcontexts</name>
    <message>
        <source>orrery: warning: %1</source>
        <translation>orrery: warning: %1</translation>
    </message>
    <message>
        <source>orrery: error: %1</source>
        <translation>orrery: error: %1</translation>
    </message>
    <message>
        <source>orrery: no kubeconfig file could be loaded (tried: %1)</source>
        <translation>orrery: no kubeconfig file could be loaded (tried: %1)</translation>
    </message>
</context>
<context>
    <name>main</name>
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
    <message>
        <source>With --screenshot: select the first object whose name starts with this.</source>
        <translation>With --screenshot: select the first object whose name starts with this.</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tab</translation>
    </message>
    <message>
        <source>Show the welcome screen instead of starting the demo when there is no kubeconfig.</source>
        <translation>Show the welcome screen instead of starting the demo when there is no kubeconfig.</translation>
    </message>
    <message>
        <source>Run a runbook against --context (or the --demo cluster), print each step's outcome and exit.</source>
        <translation>Run a runbook against --context (or the --demo cluster), print each step's outcome and exit.</translation>
    </message>
    <message>
        <source>Start on this view once the context has synced: a kind (Deployment, pods…) or a page (Topology, Runbooks, "Helm releases", "Audit log").</source>
        <translation>Start on this view once the context has synced: a kind (Deployment, pods…) or a page (Topology, Runbooks, "Helm releases", "Audit log").</translation>
    </message>
    <message>
        <source>kind|page</source>
        <translation>kind|page</translation>
    </message>
    <message>
        <source>Use this look for this run: system, light or dark (the setting is kept otherwise).</source>
        <translation>Use this look for this run: system, light or dark (the setting is kept otherwise).</translation>
    </message>
    <message>
        <source>look</source>
        <translation>look</translation>
    </message>
    <message>
        <source>Use this language for this run: system, en or fr (the setting is kept otherwise).</source>
        <translation>Use this language for this run: system, en or fr (the setting is kept otherwise).</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>orrery: unknown --language "%1"; use system, en or fr.</source>
        <translation>orrery: unknown --language "%1"; use system, en or fr.</translation>
    </message>
    <message>
        <source>With --play: allow the runbook's writes on a protected cluster; repeat the context name.</source>
        <translation>With --play: allow the runbook's writes on a protected cluster; repeat the context name.</translation>
    </message>
    <message>
        <source>context</source>
        <translation>context</translation>
    </message>
    <message>
        <source>With --top pods: every namespace.</source>
        <translation>With --top pods: every namespace.</translation>
    </message>
    <message>
        <source>Print CPU and memory of pods or nodes of --context as `kubectl top` does, and exit.</source>
        <translation>Print CPU and memory of pods or nodes of --context as `kubectl top` does, and exit.</translation>
    </message>
    <message>
        <source>pods|nodes</source>
        <translation>pods|nodes</translation>
    </message>
    <message>
        <source>Manifest files (.yaml, .yml, .json) to open in "Apply manifests" once a context is connected.</source>
        <translation>Manifest files (.yaml, .yml, .json) to open in "Apply manifests" once a context is connected.</translation>
    </message>
    <message>
        <source>[manifest...]</source>
        <translation>[manifest...]</translation>
    </message>
    <message>
        <source>With --screenshot: details tab to show (overview, yaml, events, logs, metrics).</source>
        <translation>With --screenshot: details tab to show (overview, yaml, events, logs, metrics).</translation>
    </message>
    <message>
        <source>With --doctor or --alerts: print JSON instead of text.</source>
        <translation>With --doctor or --alerts: print JSON instead of text.</translation>
    </message>
    <message>
        <source>Use this Prometheus for the context shown at start: a URL or namespace/name:port (kept as the context's setting, as in Preferences).</source>
        <translation>Use this Prometheus for the context shown at start: a URL or namespace/name:port (kept as the context's setting, as in Preferences).</translation>
    </message>
    <message>
        <source>where</source>
        <translation>where</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>The window's size, e.g. 928x513 (with --screenshot: the small-window layout).</source>
        <translation>The window's size, e.g. 928x513 (with --screenshot: the small-window layout).</translation>
    </message>
    <message>
        <source>WIDTHxHEIGHT</source>
        <translation>WIDTHxHEIGHT</translation>
    </message>
    <message>
        <source>Print the active alerts of --context's Alertmanager (--alertmanager, else the context's setting, else the one found among its Services) with the objects they attach to, and exit (--json: as JSON).</source>
        <translation>Print the active alerts of --context's Alertmanager (--alertmanager, else the context's setting, else the one found among its Services) with the objects they attach to, and exit (--json: as JSON).</translation>
    </message>
    <message>
        <source>With --alerts: the Alertmanager, as an http(s) URL or service/NAMESPACE/NAME[:PORT] of --context (instead of the context's own).</source>
        <translation>With --alerts: the Alertmanager, as an http(s) URL or service/NAMESPACE/NAME[:PORT] of --context (instead of the context's own).</translation>
    </message>
    <message>
        <source>Write a pipeline run's diagram (.png, .svg) or the run (.json) to the file given after it, and exit. RUN: github:OWNER/REPO#ID, gitlab:PROJECT#ID, jenkins@HOST:JOB#N (PROVIDER@HOST for other hosts) or file:RUN.json.</source>
        <translation>Write a pipeline run's diagram (.png, .svg) or the run (.json) to the file given after it, and exit. RUN: github:OWNER/REPO#ID, gitlab:PROJECT#ID, jenkins@HOST:JOB#N (PROVIDER@HOST for other hosts) or file:RUN.json.</translation>
    </message>
    <message>
        <source>run</source>
        <translation>run</translation>
    </message>
    <message>
        <source>Print the newest runs of --repo or --job with their jobs (stages) and exit (--json: as JSON; --demo: the embedded simulator's GitHub).</source>
        <translation>Print the newest runs of --repo or --job with their jobs (stages) and exit (--json: as JSON; --demo: the embedded simulator's GitHub).</translation>
    </message>
    <message>
        <source>With --pipelines: github, gitlab or jenkins.</source>
        <translation>With --pipelines: github, gitlab or jenkins.</translation>
    </message>
    <message>
        <source>provider</source>
        <translation>provider</translation>
    </message>
    <message>
        <source>With --pipelines: the repository or project (OWNER/REPO, GROUP/PROJECT).</source>
        <translation>With --pipelines: the repository or project (OWNER/REPO, GROUP/PROJECT).</translation>
    </message>
    <message>
        <source>repo</source>
        <translation>repo</translation>
    </message>
    <message>
        <source>With --pipelines: the Jenkins job (FOLDER/JOB).</source>
        <translation>With --pipelines: the Jenkins job (FOLDER/JOB).</translation>
    </message>
    <message>
        <source>job</source>
        <translation>job</translation>
    </message>
    <message>
        <source>With --pipelines: the provider's host (HOST[:PORT] or the API's URL); default github.com or gitlab.com.</source>
        <translation>With --pipelines: the provider's host (HOST[:PORT] or the API's URL); default github.com or gitlab.com.</translation>
    </message>
    <message>
        <source>host</source>
        <translation>host</translation>
    </message>
    <message>
        <source>With --pipelines: a PEM file of the CA to trust for --host.</source>
        <translation>With --pipelines: a PEM file of the CA to trust for --host.</translation>
    </message>
    <message>
        <source>With --pipelines: how many runs (default 20).</source>
        <translation>With --pipelines: how many runs (default 20).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Forward [LOCAL:]REMOTE (given after it) from 127.0.0.1 to the pod's port, as `kubectl port-forward` does, until interrupted.</source>
        <translation>Forward [LOCAL:]REMOTE (given after it) from 127.0.0.1 to the pod's port, as `kubectl port-forward` does, until interrupted.</translation>
    </message>
    <message>
        <source>context/namespace/pod</source>
        <translation>context/namespace/pod</translation>
    </message>
    <message>
        <source>Print the cloud accounts (AWS profiles, Azure, Google Cloud, Fly.io, Railway) with their clusters and apps and exit (--json: as JSON; --demo: the embedded simulator's clouds).</source>
        <translation>Print the cloud accounts (AWS profiles, Azure, Google Cloud, Fly.io, Railway) with their clusters and apps and exit (--json: as JSON; --demo: the embedded simulator's clouds).</translation>
    </message>
    <message>
        <source>With --clouds or --add-to-kubeconfig: only this account (as --clouds prints it, e.g. aws:prod).</source>
        <translation>With --clouds or --add-to-kubeconfig: only this account (as --clouds prints it, e.g. aws:prod).</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>Write a cloud cluster's context, cluster and user to the kubeconfig (--kubeconfig, else the first of KUBECONFIG or ~/.kube/config) as the provider's CLI would, with a backup, print the diff and exit.</source>
        <translation>Write a cloud cluster's context, cluster and user to the kubeconfig (--kubeconfig, else the first of KUBECONFIG or ~/.kube/config) as the provider's CLI would, with a backup, print the diff and exit.</translation>
    </message>
    <message>
        <source>ref</source>
        <translation>ref</translation>
    </message>
    <message>
        <source>With --screenshot: render this many milliseconds after the window is shown, synced or not (a table still filling).</source>
        <translation>With --screenshot: render this many milliseconds after the window is shown, synced or not (a table still filling).</translation>
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
        <translation>the YAML expands to more than %1 nodes (each use of an alias counts its anchored content again)</translation>
    </message>
    <message>
        <source>the YAML nests deeper than %1 levels (or an alias refers to itself)</source>
        <translation>the YAML nests deeper than %1 levels (or an alias refers to itself)</translation>
    </message>
    <message>
        <source>glab's config is larger than %1</source>
        <translation>glab's config is larger than %1</translation>
    </message>
    <message>
        <source>glab's config is not valid YAML</source>
        <translation>glab's config is not valid YAML</translation>
    </message>
</context>
</TS>
