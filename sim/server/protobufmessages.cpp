// SPDX-License-Identifier: GPL-3.0-or-later
#include "protobufmessages.h"

namespace Orrery::Sim::Protobuf {

namespace {

using K = Kind;

// ---- k8s.io/apimachinery: runtime, meta/v1
const Message kTypeMeta{"TypeMeta", {{1, {"apiVersion", K::String}}, {2, {"kind", K::String}}}};
const Message kUnknown{"Unknown",
                       {{1, {"typeMeta", K::Message, &kTypeMeta}},
                        {2, {"raw", K::Bytes}},
                        {3, {"contentEncoding", K::String}},
                        {4, {"contentType", K::String}}}};
const Message kOwnerReference{"OwnerReference",
                              {{1, {"kind", K::String}},
                               {3, {"name", K::String}},
                               {4, {"uid", K::String}},
                               {5, {"apiVersion", K::String}},
                               {6, {"controller", K::Bool}},
                               {7, {"blockOwnerDeletion", K::Bool}}}};
const Message kObjectMeta{"ObjectMeta",
                          {{1, {"name", K::String}},
                           {2, {"generateName", K::String}},
                           {3, {"namespace", K::String}},
                           {4, {"selfLink", K::String}},
                           {5, {"uid", K::String}},
                           {6, {"resourceVersion", K::String}},
                           {7, {"generation", K::IntOmitEmpty}},
                           {8, {"creationTimestamp", K::Time}},
                           {9, {"deletionTimestamp", K::Time}},
                           {10, {"deletionGracePeriodSeconds", K::Int}},
                           {11, {"labels", K::StringMap}},
                           {12, {"annotations", K::StringMap}},
                           {13, {"ownerReferences", K::Messages, &kOwnerReference}},
                           {14, {"finalizers", K::Strings}}}};
const Message kLabelSelectorRequirement{
    "LabelSelectorRequirement",
    {{1, {"key", K::String}}, {2, {"operator", K::String}}, {3, {"values", K::Strings}}}};
const Message kLabelSelector{"LabelSelector",
                             {{1, {"matchLabels", K::StringMap}},
                              {2, {"matchExpressions", K::Messages, &kLabelSelectorRequirement}}}};
// Status messages: a create never carries status content, but gogo writes the empty
// non-pointer structs; anything with a value is rejected as unsupported.
const Message kEmpty{"status", {}};
const Message kServiceStatus{"ServiceStatus", {{1, {"loadBalancer", K::Message, &kEmpty}}}};

// ---- k8s.io/api/authorization/v1
const Message kResourceAttributes{"ResourceAttributes",
                                  {{1, {"namespace", K::String}},
                                   {2, {"verb", K::String}},
                                   {3, {"group", K::String}},
                                   {4, {"version", K::String}},
                                   {5, {"resource", K::String}},
                                   {6, {"subresource", K::String}},
                                   {7, {"name", K::String}}}};
const Message kNonResourceAttributes{"NonResourceAttributes",
                                     {{1, {"path", K::String}}, {2, {"verb", K::String}}}};
const Message kSsarSpec{"SelfSubjectAccessReviewSpec",
                        {{1, {"resourceAttributes", K::Message, &kResourceAttributes}},
                         {2, {"nonResourceAttributes", K::Message, &kNonResourceAttributes}}}};
const Message kSsar{"SelfSubjectAccessReview",
                    {{1, {"metadata", K::Message, &kObjectMeta}},
                     {2, {"spec", K::Message, &kSsarSpec}},
                     {3, {"status", K::Message, &kEmpty}}}};
const Message kSsrrSpec{"SelfSubjectRulesReviewSpec", {{1, {"namespace", K::String}}}};
const Message kSsrr{"SelfSubjectRulesReview",
                    {{1, {"metadata", K::Message, &kObjectMeta}},
                     {2, {"spec", K::Message, &kSsrrSpec}},
                     {3, {"status", K::Message, &kEmpty}}}};

// ---- k8s.io/api/core/v1: small kinds
const Message kLocalObjectReference{"LocalObjectReference", {{1, {"name", K::String}}}};
const Message kObjectReference{"ObjectReference",
                               {{1, {"kind", K::String}},
                                {2, {"namespace", K::String}},
                                {3, {"name", K::String}},
                                {4, {"uid", K::String}},
                                {5, {"apiVersion", K::String}},
                                {6, {"resourceVersion", K::String}},
                                {7, {"fieldPath", K::String}}}};
const Message kNamespaceSpec{"NamespaceSpec", {{1, {"finalizers", K::Strings}}}};
const Message kNamespace{"Namespace",
                         {{1, {"metadata", K::Message, &kObjectMeta}},
                          {2, {"spec", K::Message, &kNamespaceSpec}},
                          {3, {"status", K::Message, &kEmpty}}}};
const Message kConfigMap{"ConfigMap",
                         {{1, {"metadata", K::Message, &kObjectMeta}},
                          {2, {"data", K::StringMap}},
                          {3, {"binaryData", K::BytesMap}},
                          {4, {"immutable", K::Bool}}}};
const Message kSecret{"Secret",
                      {{1, {"metadata", K::Message, &kObjectMeta}},
                       {2, {"data", K::BytesMap}},
                       {3, {"type", K::String}},
                       {4, {"stringData", K::StringMap}},
                       {5, {"immutable", K::Bool}}}};
const Message kServiceAccount{"ServiceAccount",
                              {{1, {"metadata", K::Message, &kObjectMeta}},
                               {2, {"secrets", K::Messages, &kObjectReference}},
                               {3, {"imagePullSecrets", K::Messages, &kLocalObjectReference}},
                               {4, {"automountServiceAccountToken", K::Bool}}}};

// ---- core/v1: what a pod template holds
const Message kKeyToPath{
    "KeyToPath", {{1, {"key", K::String}}, {2, {"path", K::String}}, {3, {"mode", K::Int}}}};
const Message kObjectFieldSelector{"ObjectFieldSelector",
                                   {{1, {"apiVersion", K::String}}, {2, {"fieldPath", K::String}}}};
const Message kResourceFieldSelector{"ResourceFieldSelector",
                                     {{1, {"containerName", K::String}},
                                      {2, {"resource", K::String}},
                                      {3, {"divisor", K::Quantity}}}};
const Message kConfigMapKeySelector{
    "ConfigMapKeySelector",
    {{1, {"localObjectReference", K::Inline, &kLocalObjectReference}},
     {2, {"key", K::String}},
     {3, {"optional", K::Bool}}}};
const Message kSecretKeySelector{"SecretKeySelector",
                                 {{1, {"localObjectReference", K::Inline, &kLocalObjectReference}},
                                  {2, {"key", K::String}},
                                  {3, {"optional", K::Bool}}}};
const Message kEnvVarSource{"EnvVarSource",
                            {{1, {"fieldRef", K::Message, &kObjectFieldSelector}},
                             {2, {"resourceFieldRef", K::Message, &kResourceFieldSelector}},
                             {3, {"configMapKeyRef", K::Message, &kConfigMapKeySelector}},
                             {4, {"secretKeyRef", K::Message, &kSecretKeySelector}}}};
const Message kEnvVar{"EnvVar",
                      {{1, {"name", K::String}},
                       {2, {"value", K::String}},
                       {3, {"valueFrom", K::Message, &kEnvVarSource}}}};
const Message kConfigMapEnvSource{
    "ConfigMapEnvSource",
    {{1, {"localObjectReference", K::Inline, &kLocalObjectReference}}, {2, {"optional", K::Bool}}}};
const Message kSecretEnvSource{
    "SecretEnvSource",
    {{1, {"localObjectReference", K::Inline, &kLocalObjectReference}}, {2, {"optional", K::Bool}}}};
const Message kEnvFromSource{"EnvFromSource",
                             {{1, {"prefix", K::String}},
                              {2, {"configMapRef", K::Message, &kConfigMapEnvSource}},
                              {3, {"secretRef", K::Message, &kSecretEnvSource}}}};
const Message kContainerPort{"ContainerPort",
                             {{1, {"name", K::String}},
                              {2, {"hostPort", K::IntOmitEmpty}},
                              {3, {"containerPort", K::Int}},
                              {4, {"protocol", K::String}},
                              {5, {"hostIP", K::String}}}};
const Message kResourceClaim{"ResourceClaim",
                             {{1, {"name", K::String}}, {2, {"request", K::String}}}};
const Message kResourceRequirements{"ResourceRequirements",
                                    {{1, {"limits", K::QuantityMap}},
                                     {2, {"requests", K::QuantityMap}},
                                     {3, {"claims", K::Messages, &kResourceClaim}}}};
const Message kVolumeMount{"VolumeMount",
                           {{1, {"name", K::String}},
                            {2, {"readOnly", K::BoolOmitEmpty}},
                            {3, {"mountPath", K::String}},
                            {4, {"subPath", K::String}},
                            {5, {"mountPropagation", K::String}},
                            {6, {"subPathExpr", K::String}},
                            {7, {"recursiveReadOnly", K::String}}}};
const Message kVolumeDevice{"VolumeDevice",
                            {{1, {"name", K::String}}, {2, {"devicePath", K::String}}}};
const Message kExecAction{"ExecAction", {{1, {"command", K::Strings}}}};
const Message kHttpHeader{"HTTPHeader", {{1, {"name", K::String}}, {2, {"value", K::String}}}};
const Message kHttpGetAction{"HTTPGetAction",
                             {{1, {"path", K::String}},
                              {2, {"port", K::IntOrString}},
                              {3, {"host", K::String}},
                              {4, {"scheme", K::String}},
                              {5, {"httpHeaders", K::Messages, &kHttpHeader}}}};
const Message kTcpSocketAction{"TCPSocketAction",
                               {{1, {"port", K::IntOrString}}, {2, {"host", K::String}}}};
const Message kGrpcAction{"GRPCAction", {{1, {"port", K::Int}}, {2, {"service", K::String}}}};
const Message kSleepAction{"SleepAction", {{1, {"seconds", K::Int}}}};
const Message kProbeHandler{"ProbeHandler",
                            {{1, {"exec", K::Message, &kExecAction}},
                             {2, {"httpGet", K::Message, &kHttpGetAction}},
                             {3, {"tcpSocket", K::Message, &kTcpSocketAction}},
                             {4, {"grpc", K::Message, &kGrpcAction}}}};
const Message kProbe{"Probe",
                     {{1, {"handler", K::Inline, &kProbeHandler}},
                      {2, {"initialDelaySeconds", K::IntOmitEmpty}},
                      {3, {"timeoutSeconds", K::IntOmitEmpty}},
                      {4, {"periodSeconds", K::IntOmitEmpty}},
                      {5, {"successThreshold", K::IntOmitEmpty}},
                      {6, {"failureThreshold", K::IntOmitEmpty}},
                      {7, {"terminationGracePeriodSeconds", K::Int}}}};
const Message kLifecycleHandler{"LifecycleHandler",
                                {{1, {"exec", K::Message, &kExecAction}},
                                 {2, {"httpGet", K::Message, &kHttpGetAction}},
                                 {3, {"tcpSocket", K::Message, &kTcpSocketAction}},
                                 {4, {"sleep", K::Message, &kSleepAction}}}};
const Message kLifecycle{"Lifecycle",
                         {{1, {"postStart", K::Message, &kLifecycleHandler}},
                          {2, {"preStop", K::Message, &kLifecycleHandler}}}};
const Message kCapabilities{"Capabilities", {{1, {"add", K::Strings}}, {2, {"drop", K::Strings}}}};
const Message kSeLinuxOptions{"SELinuxOptions",
                              {{1, {"user", K::String}},
                               {2, {"role", K::String}},
                               {3, {"type", K::String}},
                               {4, {"level", K::String}}}};
const Message kWindowsOptions{"WindowsSecurityContextOptions",
                              {{1, {"gmsaCredentialSpecName", K::String}},
                               {2, {"gmsaCredentialSpec", K::String}},
                               {3, {"runAsUserName", K::String}},
                               {4, {"hostProcess", K::Bool}}}};
const Message kSeccompProfile{"SeccompProfile",
                              {{1, {"type", K::String}}, {2, {"localhostProfile", K::String}}}};
const Message kAppArmorProfile{"AppArmorProfile",
                               {{1, {"type", K::String}}, {2, {"localhostProfile", K::String}}}};
const Message kSecurityContext{"SecurityContext",
                               {{1, {"capabilities", K::Message, &kCapabilities}},
                                {2, {"privileged", K::Bool}},
                                {3, {"seLinuxOptions", K::Message, &kSeLinuxOptions}},
                                {4, {"runAsUser", K::Int}},
                                {5, {"runAsNonRoot", K::Bool}},
                                {6, {"readOnlyRootFilesystem", K::Bool}},
                                {7, {"allowPrivilegeEscalation", K::Bool}},
                                {8, {"runAsGroup", K::Int}},
                                {9, {"procMount", K::String}},
                                {10, {"windowsOptions", K::Message, &kWindowsOptions}},
                                {11, {"seccompProfile", K::Message, &kSeccompProfile}},
                                {12, {"appArmorProfile", K::Message, &kAppArmorProfile}}}};
const Message kContainerResizePolicy{
    "ContainerResizePolicy", {{1, {"resourceName", K::String}}, {2, {"restartPolicy", K::String}}}};
const Message kContainer{"Container",
                         {{1, {"name", K::String}},
                          {2, {"image", K::String}},
                          {3, {"command", K::Strings}},
                          {4, {"args", K::Strings}},
                          {5, {"workingDir", K::String}},
                          {6, {"ports", K::Messages, &kContainerPort}},
                          {7, {"env", K::Messages, &kEnvVar}},
                          {8, {"resources", K::Message, &kResourceRequirements}},
                          {9, {"volumeMounts", K::Messages, &kVolumeMount}},
                          {10, {"livenessProbe", K::Message, &kProbe}},
                          {11, {"readinessProbe", K::Message, &kProbe}},
                          {12, {"lifecycle", K::Message, &kLifecycle}},
                          {13, {"terminationMessagePath", K::String}},
                          {14, {"imagePullPolicy", K::String}},
                          {15, {"securityContext", K::Message, &kSecurityContext}},
                          {16, {"stdin", K::BoolOmitEmpty}},
                          {17, {"stdinOnce", K::BoolOmitEmpty}},
                          {18, {"tty", K::BoolOmitEmpty}},
                          {19, {"envFrom", K::Messages, &kEnvFromSource}},
                          {20, {"terminationMessagePolicy", K::String}},
                          {21, {"volumeDevices", K::Messages, &kVolumeDevice}},
                          {22, {"startupProbe", K::Message, &kProbe}},
                          {23, {"resizePolicy", K::Messages, &kContainerResizePolicy}},
                          {24, {"restartPolicy", K::String}}}};

const Message kHostPathVolumeSource{"HostPathVolumeSource",
                                    {{1, {"path", K::String}}, {2, {"type", K::String}}}};
const Message kEmptyDirVolumeSource{"EmptyDirVolumeSource",
                                    {{1, {"medium", K::String}}, {2, {"sizeLimit", K::Quantity}}}};
const Message kSecretVolumeSource{"SecretVolumeSource",
                                  {{1, {"secretName", K::String}},
                                   {2, {"items", K::Messages, &kKeyToPath}},
                                   {3, {"defaultMode", K::Int}},
                                   {4, {"optional", K::Bool}}}};
const Message kNfsVolumeSource{
    "NFSVolumeSource",
    {{1, {"server", K::String}}, {2, {"path", K::String}}, {3, {"readOnly", K::BoolOmitEmpty}}}};
const Message kPvcVolumeSource{
    "PersistentVolumeClaimVolumeSource",
    {{1, {"claimName", K::String}}, {2, {"readOnly", K::BoolOmitEmpty}}}};
const Message kDownwardApiVolumeFile{
    "DownwardAPIVolumeFile",
    {{1, {"path", K::String}},
     {2, {"fieldRef", K::Message, &kObjectFieldSelector}},
     {3, {"resourceFieldRef", K::Message, &kResourceFieldSelector}},
     {4, {"mode", K::Int}}}};
const Message kDownwardApiVolumeSource{
    "DownwardAPIVolumeSource",
    {{1, {"items", K::Messages, &kDownwardApiVolumeFile}}, {2, {"defaultMode", K::Int}}}};
const Message kConfigMapVolumeSource{
    "ConfigMapVolumeSource",
    {{1, {"localObjectReference", K::Inline, &kLocalObjectReference}},
     {2, {"items", K::Messages, &kKeyToPath}},
     {3, {"defaultMode", K::Int}},
     {4, {"optional", K::Bool}}}};
const Message kSecretProjection{"SecretProjection",
                                {{1, {"localObjectReference", K::Inline, &kLocalObjectReference}},
                                 {2, {"items", K::Messages, &kKeyToPath}},
                                 {4, {"optional", K::Bool}}}};
const Message kConfigMapProjection{
    "ConfigMapProjection",
    {{1, {"localObjectReference", K::Inline, &kLocalObjectReference}},
     {2, {"items", K::Messages, &kKeyToPath}},
     {4, {"optional", K::Bool}}}};
const Message kDownwardApiProjection{"DownwardAPIProjection",
                                     {{1, {"items", K::Messages, &kDownwardApiVolumeFile}}}};
const Message kServiceAccountTokenProjection{
    "ServiceAccountTokenProjection",
    {{1, {"audience", K::String}}, {2, {"expirationSeconds", K::Int}}, {3, {"path", K::String}}}};
const Message kVolumeProjection{
    "VolumeProjection",
    {{1, {"secret", K::Message, &kSecretProjection}},
     {2, {"downwardAPI", K::Message, &kDownwardApiProjection}},
     {3, {"configMap", K::Message, &kConfigMapProjection}},
     {4, {"serviceAccountToken", K::Message, &kServiceAccountTokenProjection}}}};
const Message kProjectedVolumeSource{
    "ProjectedVolumeSource",
    {{1, {"sources", K::Messages, &kVolumeProjection}}, {2, {"defaultMode", K::Int}}}};
const Message kCsiVolumeSource{"CSIVolumeSource",
                               {{1, {"driver", K::String}},
                                {2, {"readOnly", K::Bool}},
                                {3, {"fsType", K::String}},
                                {4, {"volumeAttributes", K::StringMap}},
                                {5, {"nodePublishSecretRef", K::Message, &kLocalObjectReference}}}};
const Message kVolumeSource{"VolumeSource",
                            {{1, {"hostPath", K::Message, &kHostPathVolumeSource}},
                             {2, {"emptyDir", K::Message, &kEmptyDirVolumeSource}},
                             {6, {"secret", K::Message, &kSecretVolumeSource}},
                             {7, {"nfs", K::Message, &kNfsVolumeSource}},
                             {10, {"persistentVolumeClaim", K::Message, &kPvcVolumeSource}},
                             {16, {"downwardAPI", K::Message, &kDownwardApiVolumeSource}},
                             {19, {"configMap", K::Message, &kConfigMapVolumeSource}},
                             {26, {"projected", K::Message, &kProjectedVolumeSource}},
                             {28, {"csi", K::Message, &kCsiVolumeSource}}}};
const Message kVolume{"Volume",
                      {{1, {"name", K::String}}, {2, {"volumeSource", K::Inline, &kVolumeSource}}}};

const Message kToleration{"Toleration",
                          {{1, {"key", K::String}},
                           {2, {"operator", K::String}},
                           {3, {"value", K::String}},
                           {4, {"effect", K::String}},
                           {5, {"tolerationSeconds", K::Int}}}};
const Message kNodeSelectorRequirement{
    "NodeSelectorRequirement",
    {{1, {"key", K::String}}, {2, {"operator", K::String}}, {3, {"values", K::Strings}}}};
const Message kNodeSelectorTerm{"NodeSelectorTerm",
                                {{1, {"matchExpressions", K::Messages, &kNodeSelectorRequirement}},
                                 {2, {"matchFields", K::Messages, &kNodeSelectorRequirement}}}};
const Message kNodeSelector{"NodeSelector",
                            {{1, {"nodeSelectorTerms", K::Messages, &kNodeSelectorTerm}}}};
const Message kPreferredSchedulingTerm{
    "PreferredSchedulingTerm",
    {{1, {"weight", K::Int}}, {2, {"preference", K::Message, &kNodeSelectorTerm}}}};
const Message kNodeAffinity{
    "NodeAffinity",
    {{1, {"requiredDuringSchedulingIgnoredDuringExecution", K::Message, &kNodeSelector}},
     {2,
      {"preferredDuringSchedulingIgnoredDuringExecution", K::Messages,
       &kPreferredSchedulingTerm}}}};
const Message kPodAffinityTerm{"PodAffinityTerm",
                               {{1, {"labelSelector", K::Message, &kLabelSelector}},
                                {2, {"namespaces", K::Strings}},
                                {3, {"topologyKey", K::String}},
                                {4, {"namespaceSelector", K::Message, &kLabelSelector}},
                                {5, {"matchLabelKeys", K::Strings}},
                                {6, {"mismatchLabelKeys", K::Strings}}}};
const Message kWeightedPodAffinityTerm{
    "WeightedPodAffinityTerm",
    {{1, {"weight", K::Int}}, {2, {"podAffinityTerm", K::Message, &kPodAffinityTerm}}}};
const Message kPodAffinity{
    "PodAffinity",
    {{1, {"requiredDuringSchedulingIgnoredDuringExecution", K::Messages, &kPodAffinityTerm}},
     {2,
      {"preferredDuringSchedulingIgnoredDuringExecution", K::Messages,
       &kWeightedPodAffinityTerm}}}};
const Message kAffinity{"Affinity",
                        {{1, {"nodeAffinity", K::Message, &kNodeAffinity}},
                         {2, {"podAffinity", K::Message, &kPodAffinity}},
                         {3, {"podAntiAffinity", K::Message, &kPodAffinity}}}};
const Message kTopologySpreadConstraint{"TopologySpreadConstraint",
                                        {{1, {"maxSkew", K::Int}},
                                         {2, {"topologyKey", K::String}},
                                         {3, {"whenUnsatisfiable", K::String}},
                                         {4, {"labelSelector", K::Message, &kLabelSelector}},
                                         {5, {"minDomains", K::Int}},
                                         {6, {"nodeAffinityPolicy", K::String}},
                                         {7, {"nodeTaintsPolicy", K::String}},
                                         {8, {"matchLabelKeys", K::Strings}}}};
const Message kHostAlias{"HostAlias", {{1, {"ip", K::String}}, {2, {"hostnames", K::Strings}}}};
const Message kPodDnsConfigOption{"PodDNSConfigOption",
                                  {{1, {"name", K::String}}, {2, {"value", K::String}}}};
const Message kPodDnsConfig{"PodDNSConfig",
                            {{1, {"nameservers", K::Strings}},
                             {2, {"searches", K::Strings}},
                             {3, {"options", K::Messages, &kPodDnsConfigOption}}}};
const Message kPodReadinessGate{"PodReadinessGate", {{1, {"conditionType", K::String}}}};
const Message kNamed{"PodOS/PodSchedulingGate", {{1, {"name", K::String}}}};
const Message kSysctl{"Sysctl", {{1, {"name", K::String}}, {2, {"value", K::String}}}};
const Message kPodSecurityContext{"PodSecurityContext",
                                  {{1, {"seLinuxOptions", K::Message, &kSeLinuxOptions}},
                                   {2, {"runAsUser", K::Int}},
                                   {3, {"runAsNonRoot", K::Bool}},
                                   {4, {"supplementalGroups", K::Ints}},
                                   {5, {"fsGroup", K::Int}},
                                   {6, {"runAsGroup", K::Int}},
                                   {7, {"sysctls", K::Messages, &kSysctl}},
                                   {8, {"windowsOptions", K::Message, &kWindowsOptions}},
                                   {9, {"fsGroupChangePolicy", K::String}},
                                   {10, {"seccompProfile", K::Message, &kSeccompProfile}},
                                   {11, {"appArmorProfile", K::Message, &kAppArmorProfile}},
                                   {12, {"supplementalGroupsPolicy", K::String}}}};
const Message kPodSpec{
    "PodSpec",
    {{1, {"volumes", K::Messages, &kVolume}},
     {2, {"containers", K::Messages, &kContainer}},
     {3, {"restartPolicy", K::String}},
     {4, {"terminationGracePeriodSeconds", K::Int}},
     {5, {"activeDeadlineSeconds", K::Int}},
     {6, {"dnsPolicy", K::String}},
     {7, {"nodeSelector", K::StringMap}},
     {8, {"serviceAccountName", K::String}},
     {9, {"serviceAccount", K::String}},
     {10, {"nodeName", K::String}},
     {11, {"hostNetwork", K::BoolOmitEmpty}},
     {12, {"hostPID", K::BoolOmitEmpty}},
     {13, {"hostIPC", K::BoolOmitEmpty}},
     {14, {"securityContext", K::Message, &kPodSecurityContext}},
     {15, {"imagePullSecrets", K::Messages, &kLocalObjectReference}},
     {16, {"hostname", K::String}},
     {17, {"subdomain", K::String}},
     {18, {"affinity", K::Message, &kAffinity}},
     {19, {"schedulerName", K::String}},
     {20, {"initContainers", K::Messages, &kContainer}},
     {21, {"automountServiceAccountToken", K::Bool}},
     {22, {"tolerations", K::Messages, &kToleration}},
     {23, {"hostAliases", K::Messages, &kHostAlias}},
     {24, {"priorityClassName", K::String}},
     {25, {"priority", K::Int}},
     {26, {"dnsConfig", K::Message, &kPodDnsConfig}},
     {27, {"shareProcessNamespace", K::Bool}},
     {28, {"readinessGates", K::Messages, &kPodReadinessGate}},
     {29, {"runtimeClassName", K::String}},
     {30, {"enableServiceLinks", K::Bool}},
     {31, {"preemptionPolicy", K::String}},
     {32, {"overhead", K::QuantityMap}},
     {33, {"topologySpreadConstraints", K::Messages, &kTopologySpreadConstraint}},
     {35, {"setHostnameAsFQDN", K::Bool}},
     {36, {"os", K::Message, &kNamed}},
     {37, {"hostUsers", K::Bool}},
     {38, {"schedulingGates", K::Messages, &kNamed}},
     {40, {"resources", K::Message, &kResourceRequirements}}}};
const Message kPodTemplateSpec{
    "PodTemplateSpec",
    {{1, {"metadata", K::Message, &kObjectMeta}}, {2, {"spec", K::Message, &kPodSpec}}}};
const Message kPod{"Pod",
                   {{1, {"metadata", K::Message, &kObjectMeta}},
                    {2, {"spec", K::Message, &kPodSpec}},
                    {3, {"status", K::Message, &kEmpty}}}};

// ---- core/v1 Service
const Message kServicePort{"ServicePort",
                           {{1, {"name", K::String}},
                            {2, {"protocol", K::String}},
                            {3, {"port", K::Int}},
                            {4, {"targetPort", K::IntOrString}},
                            {5, {"nodePort", K::IntOmitEmpty}},
                            {6, {"appProtocol", K::String}}}};
const Message kClientIpConfig{"ClientIPConfig", {{1, {"timeoutSeconds", K::Int}}}};
const Message kSessionAffinityConfig{"SessionAffinityConfig",
                                     {{1, {"clientIP", K::Message, &kClientIpConfig}}}};
const Message kServiceSpec{"ServiceSpec",
                           {{1, {"ports", K::Messages, &kServicePort}},
                            {2, {"selector", K::StringMap}},
                            {3, {"clusterIP", K::String}},
                            {4, {"type", K::String}},
                            {5, {"externalIPs", K::Strings}},
                            {7, {"sessionAffinity", K::String}},
                            {8, {"loadBalancerIP", K::String}},
                            {9, {"loadBalancerSourceRanges", K::Strings}},
                            {10, {"externalName", K::String}},
                            {11, {"externalTrafficPolicy", K::String}},
                            {12, {"healthCheckNodePort", K::IntOmitEmpty}},
                            {13, {"publishNotReadyAddresses", K::BoolOmitEmpty}},
                            {14, {"sessionAffinityConfig", K::Message, &kSessionAffinityConfig}},
                            {17, {"ipFamilyPolicy", K::String}},
                            {18, {"clusterIPs", K::Strings}},
                            {19, {"ipFamilies", K::Strings}},
                            {20, {"allocateLoadBalancerNodePorts", K::Bool}},
                            {21, {"loadBalancerClass", K::String}},
                            {22, {"internalTrafficPolicy", K::String}},
                            {23, {"trafficDistribution", K::String}}}};
const Message kService{"Service",
                       {{1, {"metadata", K::Message, &kObjectMeta}},
                        {2, {"spec", K::Message, &kServiceSpec}},
                        {3, {"status", K::Message, &kServiceStatus}}}};

// ---- apps/v1 Deployment
const Message kRollingUpdateDeployment{
    "RollingUpdateDeployment",
    {{1, {"maxUnavailable", K::IntOrString}}, {2, {"maxSurge", K::IntOrString}}}};
const Message kDeploymentStrategy{
    "DeploymentStrategy",
    {{1, {"type", K::String}}, {2, {"rollingUpdate", K::Message, &kRollingUpdateDeployment}}}};
const Message kDeploymentSpec{"DeploymentSpec",
                              {{1, {"replicas", K::Int}},
                               {2, {"selector", K::Message, &kLabelSelector}},
                               {3, {"template", K::Message, &kPodTemplateSpec}},
                               {4, {"strategy", K::Message, &kDeploymentStrategy}},
                               {5, {"minReadySeconds", K::IntOmitEmpty}},
                               {6, {"revisionHistoryLimit", K::Int}},
                               {7, {"paused", K::BoolOmitEmpty}},
                               {9, {"progressDeadlineSeconds", K::Int}}}};
const Message kDeployment{"Deployment",
                          {{1, {"metadata", K::Message, &kObjectMeta}},
                           {2, {"spec", K::Message, &kDeploymentSpec}},
                           {3, {"status", K::Message, &kEmpty}}}};

// ---- batch/v1
const Message kJobSpec{"JobSpec",
                       {{1, {"parallelism", K::Int}},
                        {2, {"completions", K::Int}},
                        {3, {"activeDeadlineSeconds", K::Int}},
                        {4, {"selector", K::Message, &kLabelSelector}},
                        {5, {"manualSelector", K::Bool}},
                        {6, {"template", K::Message, &kPodTemplateSpec}},
                        {7, {"backoffLimit", K::Int}},
                        {8, {"ttlSecondsAfterFinished", K::Int}},
                        {9, {"completionMode", K::String}},
                        {10, {"suspend", K::Bool}},
                        {12, {"backoffLimitPerIndex", K::Int}},
                        {13, {"maxFailedIndexes", K::Int}},
                        {14, {"podReplacementPolicy", K::String}},
                        {15, {"managedBy", K::String}}}};
const Message kJob{"Job",
                   {{1, {"metadata", K::Message, &kObjectMeta}},
                    {2, {"spec", K::Message, &kJobSpec}},
                    {3, {"status", K::Message, &kEmpty}}}};
const Message kJobTemplateSpec{
    "JobTemplateSpec",
    {{1, {"metadata", K::Message, &kObjectMeta}}, {2, {"spec", K::Message, &kJobSpec}}}};
const Message kCronJobSpec{"CronJobSpec",
                           {{1, {"schedule", K::String}},
                            {2, {"startingDeadlineSeconds", K::Int}},
                            {3, {"concurrencyPolicy", K::String}},
                            {4, {"suspend", K::Bool}},
                            {5, {"jobTemplate", K::Message, &kJobTemplateSpec}},
                            {6, {"successfulJobsHistoryLimit", K::Int}},
                            {7, {"failedJobsHistoryLimit", K::Int}},
                            {8, {"timeZone", K::String}}}};
const Message kCronJob{"CronJob",
                       {{1, {"metadata", K::Message, &kObjectMeta}},
                        {2, {"spec", K::Message, &kCronJobSpec}},
                        {3, {"status", K::Message, &kEmpty}}}};

// ---- networking.k8s.io/v1 Ingress
const Message kTypedLocalObjectReference{
    "TypedLocalObjectReference",
    {{1, {"apiGroup", K::String}}, {2, {"kind", K::String}}, {3, {"name", K::String}}}};
const Message kServiceBackendPort{"ServiceBackendPort",
                                  {{1, {"name", K::String}}, {2, {"number", K::IntOmitEmpty}}}};
const Message kIngressServiceBackend{
    "IngressServiceBackend",
    {{1, {"name", K::String}}, {2, {"port", K::Message, &kServiceBackendPort}}}};
const Message kIngressBackend{"IngressBackend",
                              {{3, {"resource", K::Message, &kTypedLocalObjectReference}},
                               {4, {"service", K::Message, &kIngressServiceBackend}}}};
const Message kHttpIngressPath{"HTTPIngressPath",
                               {{1, {"path", K::String}},
                                {2, {"backend", K::Message, &kIngressBackend}},
                                {3, {"pathType", K::String}}}};
const Message kHttpIngressRuleValue{"HTTPIngressRuleValue",
                                    {{1, {"paths", K::Messages, &kHttpIngressPath}}}};
const Message kIngressRuleValue{"IngressRuleValue",
                                {{1, {"http", K::Message, &kHttpIngressRuleValue}}}};
const Message kIngressRule{
    "IngressRule",
    {{1, {"host", K::String}}, {2, {"ingressRuleValue", K::Inline, &kIngressRuleValue}}}};
const Message kIngressTls{"IngressTLS",
                          {{1, {"hosts", K::Strings}}, {2, {"secretName", K::String}}}};
const Message kIngressSpec{"IngressSpec",
                           {{1, {"defaultBackend", K::Message, &kIngressBackend}},
                            {2, {"tls", K::Messages, &kIngressTls}},
                            {3, {"rules", K::Messages, &kIngressRule}},
                            {4, {"ingressClassName", K::String}}}};
const Message kIngress{"Ingress",
                       {{1, {"metadata", K::Message, &kObjectMeta}},
                        {2, {"spec", K::Message, &kIngressSpec}},
                        {3, {"status", K::Message, &kServiceStatus}}}};

} // namespace

const Message &unknown()
{
    return kUnknown;
}

const Message *topLevel(const std::string &apiVersionKind)
{
    static const std::map<std::string, const Message *> kinds = {
        {"authorization.k8s.io/v1/SelfSubjectAccessReview", &kSsar},
        {"authorization.k8s.io/v1/SelfSubjectRulesReview", &kSsrr},
        {"v1/Namespace", &kNamespace},
        {"v1/ConfigMap", &kConfigMap},
        {"v1/Secret", &kSecret},
        {"v1/ServiceAccount", &kServiceAccount},
        {"v1/Service", &kService},
        {"v1/Pod", &kPod},
        {"apps/v1/Deployment", &kDeployment},
        {"batch/v1/Job", &kJob},
        {"batch/v1/CronJob", &kCronJob},
        {"networking.k8s.io/v1/Ingress", &kIngress},
    };
    auto it = kinds.find(apiVersionKind);
    return it == kinds.end() ? nullptr : it->second;
}

} // namespace Orrery::Sim::Protobuf
