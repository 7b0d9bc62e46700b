// SPDX-License-Identifier: GPL-3.0-or-later
#include "publiccatalogue.h"

namespace Orrery::Sim {

const std::vector<CatalogueEntry> &publicCatalogue()
{
    static const std::vector<CatalogueEntry> s_catalogue = {
        // Docker Hub official images (docker.io/library/...).
        {"docker.io", "library/nginx",
         "latest stable mainline alpine stable-alpine 1 1.{0..27} 1.{9..27}.{0..6} "
         "1.{20..27}-alpine 1.{20..27}.{0..3}-alpine"},
        {"docker.io", "library/busybox",
         "latest stable musl glibc uclibc 1 1.{30..37} 1.{30..37}.{0..1} 1.36.1-glibc"},
        {"docker.io", "library/alpine", "latest edge 3 3.{15..21} 3.{15..21}.{0..4}"},
        {"docker.io", "library/ubuntu", "latest rolling jammy noble focal 20.04 22.04 24.04 24.10"},
        {"docker.io", "library/debian",
         "latest stable bookworm bullseye bookworm-slim bullseye-slim 11 12 11-slim 12-slim"},
        {"docker.io", "library/python",
         "latest 3 3.{8..13} 3.{8..13}-slim 3.{8..13}-alpine 3.{10..13}.{0..9} "
         "3.{10..13}-slim-bookworm"},
        {"docker.io", "library/node",
         "latest lts current alpine lts-alpine {16..23} {16..23}-alpine {18..23}-slim "
         "{18..22}.{0..12}.0"},
        {"docker.io", "library/postgres",
         "latest alpine {12..17} {12..17}-alpine {12..17}.{0..6} {15..17}.{0..6}-alpine"},
        {"docker.io", "library/mysql",
         "latest lts innovation 5 5.7 5.7.{40..44} 8 8.0 8.0.{30..40} 8.4 8.4.{0..3} 9 "
         "9.{0..1}"},
        {"docker.io", "library/mariadb", "latest lts 10 10.{5..11} 11 11.{0..5}"},
        {"docker.io", "library/mongo",
         "latest 4 4.4 5 5.0 6 6.0 7 7.0 8 8.0 4.4.{25..29} 5.0.{20..30} 6.0.{10..19} "
         "7.0.{0..14}"},
        {"docker.io", "library/redis",
         "latest alpine 6 7 6.2 7.{0..4} 6.2.{10..16} 7.2.{0..6} 7.4.{0..2} 7.{0..4}-alpine "
         "6.2-alpine"},
        {"docker.io", "library/rabbitmq",
         "latest management alpine 3 3.{11..13} 3.{11..13}-management 4 4.0 4.0-management"},
        {"docker.io", "library/memcached", "latest alpine 1 1.6 1.6.{20..32}"},
        {"docker.io", "library/httpd", "latest alpine 2 2.4 2.4-alpine 2.4.{58..62}"},
        {"docker.io", "library/traefik", "latest v2 v3 v2.{9..11} v3.{0..2} 2.{9..11} 3.{0..2}"},
        {"docker.io", "library/eclipse-temurin",
         "latest 11 17 21 11-jre 17-jre 21-jre 11-jdk 17-jdk 21-jdk 17-jre-alpine "
         "21-jre-alpine"},
        {"docker.io", "library/openjdk", "11 17 21 11-jre-slim 17-jdk-slim 21-jdk-slim"},
        {"docker.io", "library/golang", "latest alpine 1 1.{20..23} 1.{20..23}-alpine"},
        {"docker.io", "library/php", "latest 8 8.{1..3} 8.{1..3}-fpm 8.{1..3}-apache"},
        {"docker.io", "library/wordpress", "latest 6 6.{4..7} php8.2-apache"},
        {"docker.io", "library/registry", "latest 2 2.8 2.8.{1..3}"},
        {"docker.io", "library/haproxy", "latest lts 2.8 2.9 3.0 3.1"},
        {"docker.io", "library/elasticsearch", "8.{10..16}.0 7.17.{20..26}"},
        {"docker.io", "library/sonarqube", "latest community lts lts-community 10 9"},
        {"docker.io", "library/vault", "latest 1.13.3"},
        // hello-world prints its greeting and exits 0: under restartPolicy Always it
        // restarts and backs off like any container that ends.
        {"docker.io", "library/hello-world", "latest linux", 0},
        // Docker Hub organisations.
        {"docker.io", "jenkins/jenkins",
         "latest lts lts-jdk17 lts-jdk21 jdk17 jdk21 2.{440..480} 2.{440..480}-jdk17"},
        {"docker.io", "prom/prometheus", "latest main v2.{40..55}.{0..1} v3.{0..2}.{0..1}"},
        {"docker.io", "prom/alertmanager", "latest main v0.{25..28}.{0..1}"},
        {"docker.io", "prom/node-exporter", "latest master v1.{5..8}.{0..2}"},
        {"docker.io", "prom/pushgateway", "latest v1.{6..11}.0"},
        {"docker.io", "prom/blackbox-exporter", "latest v0.{24..25}.0"},
        {"docker.io", "grafana/grafana",
         "latest main {9..11} 9.5.{0..20} 10.{0..4}.{0..9} 11.{0..4}.{0..3}"},
        {"docker.io", "grafana/loki", "latest 2.9.{0..12} 3.{0..3}.{0..2}"},
        {"docker.io", "grafana/promtail", "latest 2.9.{0..12} 3.{0..3}.{0..2}"},
        {"docker.io", "grafana/tempo", "latest 2.{3..6}.{0..1}"},
        {"docker.io", "fluent/fluent-bit",
         "latest 2 3 2.{1..2} 3.{0..2} 2.2.{0..3} 3.0.{0..7} 3.1.{0..9} 3.2.{0..2}"},
        {"docker.io", "fluent/fluentd", "latest v1.16-1 v1.17-1"},
        {"docker.io", "ollama/ollama", "latest rocm 0.1.{20..48} 0.{2..5}.{0..9}"},
        {"docker.io", "envoyproxy/envoy",
         "v1.{27..32}-latest v1.{27..32}.{0..4} distroless-v1.{29..32}.0"},
        {"docker.io", "nginxinc/nginx-unprivileged",
         "latest stable alpine 1.{25..27} 1.{25..27}-alpine"},
        {"docker.io", "curlimages/curl", "latest 8.{5..11}.{0..1}"},
        {"docker.io", "bitnami/redis", "latest 7.2 7.4 7.2.{4..5} 7.4.{0..1}"},
        {"docker.io", "bitnami/postgresql", "latest 15 16 17 16.{1..6}.0"},
        {"docker.io", "bitnami/mongodb", "latest 6.0 7.0 8.0"},
        {"docker.io", "bitnami/kubectl", "latest 1.{27..32} 1.{27..32}.{0..3}"},
        {"docker.io", "bitnami/kafka", "latest 3.{5..9}"},
        {"docker.io", "hashicorp/vault", "latest 1.{14..18} 1.{14..18}.{0..3}"},
        {"docker.io", "sonatype/nexus3", "latest 3.{60..75}.0"},
        {"docker.io", "minio/minio", "latest"},
        {"docker.io", "nicolaka/netshoot", "latest v0.{11..13}"},
        // registry.k8s.io
        {"registry.k8s.io", "coredns/coredns", "v1.{9..12}.{0..4}"},
        {"registry.k8s.io", "kube-proxy", "v1.{27..33}.{0..15}"},
        {"registry.k8s.io", "kube-apiserver", "v1.{27..33}.{0..15}"},
        {"registry.k8s.io", "kube-controller-manager", "v1.{27..33}.{0..15}"},
        {"registry.k8s.io", "kube-scheduler", "v1.{27..33}.{0..15}"},
        {"registry.k8s.io", "etcd", "3.5.{9..17}-0"},
        {"registry.k8s.io", "pause", "3.{6..10}"},
        {"registry.k8s.io", "metrics-server/metrics-server", "v0.{6..7}.{0..4}"},
        {"registry.k8s.io", "ingress-nginx/controller", "v1.{8..12}.{0..6}"},
        {"registry.k8s.io", "ingress-nginx/kube-webhook-certgen",
         "v1.{3..5}.{0..3} v20231011-8b53cabe0"},
        {"registry.k8s.io", "kube-state-metrics/kube-state-metrics", "v2.{9..14}.{0..2}"},
        {"registry.k8s.io", "autoscaling/cluster-autoscaler", "v1.{27..32}.{0..3}"},
        {"registry.k8s.io", "e2e-test-images/agnhost", "2.{39..53}"},
        // quay.io
        {"quay.io", "prometheus/prometheus", "latest v2.{40..55}.{0..1} v3.{0..2}.{0..1}"},
        {"quay.io", "prometheus/node-exporter", "latest v1.{5..8}.{0..2}"},
        {"quay.io", "prometheus/alertmanager", "latest v0.{25..28}.{0..1}"},
        {"quay.io", "prometheus-operator/prometheus-operator", "v0.{68..79}.{0..2}"},
        {"quay.io", "jetstack/cert-manager-controller", "v1.{12..16}.{0..5}"},
        {"quay.io", "jetstack/cert-manager-webhook", "v1.{12..16}.{0..5}"},
        {"quay.io", "jetstack/cert-manager-cainjector", "v1.{12..16}.{0..5}"},
        {"quay.io", "argoproj/argocd", "latest v2.{8..13}.{0..6}"},
        {"quay.io", "keycloak/keycloak", "latest {22..26}.0 {24..26}.0.{0..5}"},
        // ghcr.io holds only what scenarios declare and pipelines push.
        {"ghcr.io", "", ""},
    };
    return s_catalogue;
}

} // namespace Orrery::Sim
