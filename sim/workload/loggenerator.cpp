// SPDX-License-Identifier: GPL-3.0-or-later
#include "loggenerator.h"

#include <array>
#include <cstdio>
#include <ctime>

namespace Orrery::Sim {

namespace {

std::string fmt(SimClock::TimePoint t, const char *pattern, bool millis = false)
{
    const std::time_t secs = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, pattern, &tm);
    std::string out = buf;
    if (millis) {
        const auto ms
            = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count()
              % 1000;
        char m[8];
        std::snprintf(m, sizeof m, ".%03d", static_cast<int>(ms));
        out += m;
    }
    return out;
}

bool has(const std::string &s, const char *needle)
{
    return s.find(needle) != std::string::npos;
}

std::string iso(SimClock::TimePoint t)
{
    return fmt(t, "%Y-%m-%dT%H:%M:%S", true) + "Z";
}

template <std::size_t N>
const char *pick(const std::array<const char *, N> &items, std::mt19937 &rng)
{
    return items[std::uniform_int_distribution<std::size_t>(0, N - 1)(rng)];
}

} // namespace

LogGenerator::Kind LogGenerator::kindForImage(const std::string &image)
{
    // Order matters: "prometheus/node-exporter" is not Prometheus itself.
    if (has(image, "node-exporter"))
        return Kind::NodeExporter;
    if (has(image, "alertmanager"))
        return Kind::Alertmanager;
    if (has(image, "prometheus"))
        return Kind::Prometheus;
    if (has(image, "grafana"))
        return Kind::Grafana;
    if (has(image, "mysql") || has(image, "mariadb"))
        return Kind::MySql;
    if (has(image, "mongo"))
        return Kind::Mongo;
    if (has(image, "postgres"))
        return Kind::Postgres;
    if (has(image, "redis"))
        return Kind::Redis;
    if (has(image, "ollama"))
        return Kind::Ollama;
    if (has(image, "coredns"))
        return Kind::CoreDns;
    if (has(image, "spring") || has(image, "java") || has(image, "-service")
        || has(image, "gateway"))
        return Kind::Spring;
    if (has(image, "python") || has(image, "fastapi") || has(image, "uvicorn"))
        return Kind::Python;
    if (has(image, "node") || has(image, "backend") || has(image, "worker"))
        return Kind::Node;
    if (has(image, "nginx") || has(image, "frontend") || has(image, "web"))
        return Kind::Nginx;
    return Kind::Generic;
}

std::vector<std::string> LogGenerator::startup(Kind kind, const Context &c, SimClock::TimePoint t)
{
    const std::string port = std::to_string(c.port);
    switch (kind) {
    case Kind::Nginx:
        return {
            "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform "
            "configuration",
            "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
            "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
            "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in "
            "/etc/nginx/conf.d/default.conf",
            "/docker-entrypoint.sh: Configuration complete; ready for start up",
            fmt(t, "%Y/%m/%d %H:%M:%S") + " [notice] 1#1: using the \"epoll\" event method",
            fmt(t, "%Y/%m/%d %H:%M:%S") + " [notice] 1#1: nginx/1.25.3",
            fmt(t, "%Y/%m/%d %H:%M:%S") + " [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14)",
            fmt(t, "%Y/%m/%d %H:%M:%S") + " [notice] 1#1: OS: Linux 5.15.0-1057-azure",
            fmt(t, "%Y/%m/%d %H:%M:%S") + " [notice] 1#1: start worker processes",
            fmt(t, "%Y/%m/%d %H:%M:%S") + " [notice] 1#1: start worker process 29"};
    case Kind::Spring: {
        const std::string ts = fmt(t, "%Y-%m-%d %H:%M:%S", true);
        return {"",
                "  .   ____          _            __ _ _",
                " /\\\\ / ___'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\",
                "( ( )\\___ | '_ | '_| | '_ \\/ _` | \\ \\ \\ \\",
                " \\\\/  ___)| |_)| | | | | || (_| |  ) ) ) )",
                "  '  |____| .__|_| |_|_| |_\\__, | / / / /",
                " =========|_|==============|___/=/_/_/_/",
                " :: Spring Boot ::               (v2.7.18)",
                "",
                ts
                    + "  INFO 1 --- [           main] c.o.app.Application                      : "
                      "Starting Application v1.0.0 using Java 17.0.9 on "
                    + c.podName + " with PID 1 (/app/app.jar started by spring in /app)",
                ts
                    + "  INFO 1 --- [           main] c.o.app.Application                      : "
                      "The following 1 profile is active: \"prod\"",
                ts
                    + "  INFO 1 --- [           main] .s.d.r.c.RepositoryConfigurationDelegate : "
                      "Bootstrapping Spring Data JPA repositories in DEFAULT mode.",
                ts
                    + "  INFO 1 --- [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : "
                      "Tomcat initialized with port(s): "
                    + port + " (http)",
                ts
                    + "  INFO 1 --- [           main] o.apache.catalina.core.StandardService   : "
                      "Starting service [Tomcat]",
                ts
                    + "  INFO 1 --- [           main] org.apache.catalina.core.StandardEngine  : "
                      "Starting Servlet engine: [Apache Tomcat/9.0.83]",
                ts
                    + "  INFO 1 --- [           main] com.zaxxer.hikari.HikariDataSource       : "
                      "HikariPool-1 - Starting...",
                ts
                    + "  INFO 1 --- [           main] com.zaxxer.hikari.HikariDataSource       : "
                      "HikariPool-1 - Start completed.",
                ts
                    + "  INFO 1 --- [           main] o.s.b.a.e.web.EndpointLinksResolver      : "
                      "Exposing 3 endpoint(s) beneath base path '/actuator'",
                ts
                    + "  INFO 1 --- [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : "
                      "Tomcat started on port(s): "
                    + port + " (http) with context path ''",
                ts
                    + "  INFO 1 --- [           main] c.o.app.Application                      : "
                      "Started Application in 7.842 seconds (JVM running for 8.571)"};
    }
    case Kind::Python:
        return {"INFO:     Started server process [1]",
                "INFO:     Waiting for application startup.",
                "INFO:     Application startup complete.",
                "INFO:     Uvicorn running on http://0.0.0.0:" + port + " (Press CTRL+C to quit)"};
    case Kind::Node:
        return {"",
                "> server@1.0.0 start",
                "> node dist/server/src/index.js",
                "",
                "[" + iso(t) + "] info: Loading configuration from environment",
                "[" + iso(t) + "] info: Database connection established",
                "[" + iso(t) + "] info: Server listening on port " + port};
    case Kind::MySql: {
        const std::string ts = iso(t);
        return {
            fmt(t, "%Y-%m-%d %H:%M:%S+00:00")
                + " [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.0.35-1.el8 started.",
            fmt(t, "%Y-%m-%d %H:%M:%S+00:00")
                + " [Note] [Entrypoint]: Switching to dedicated user 'mysql'",
            ts
                + " 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.35) starting as "
                  "process 1",
            ts + " 1 [System] [MY-013576] [InnoDB] InnoDB initialization has started.",
            ts + " 1 [System] [MY-013577] [InnoDB] InnoDB initialization has ended.",
            ts + " 0 [Warning] [MY-010068] [Server] CA certificate ca.pem is self signed.",
            ts
                + " 0 [System] [MY-011323] [Server] X Plugin ready for connections. Bind-address: "
                  "'::' port: 33060, socket: /var/run/mysqld/mysqlx.sock",
            ts
                + " 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. "
                  "Version: '8.0.35'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL "
                  "Community Server - GPL."};
    }
    case Kind::Mongo: {
        const std::string d
            = "{\"t\":{\"$date\":\"" + fmt(t, "%Y-%m-%dT%H:%M:%S", true) + "+00:00\"},";
        return {d
                    + "\"s\":\"I\",  \"c\":\"CONTROL\",  \"id\":23285,   "
                      "\"ctx\":\"main\",\"msg\":\"Automatically disabling TLS 1.0, to force-enable "
                      "TLS 1.0 specify --sslDisabledProtocols 'none'\"}",
                d
                    + "\"s\":\"I\",  \"c\":\"CONTROL\",  \"id\":4615611, "
                      "\"ctx\":\"initandlisten\",\"msg\":\"MongoDB "
                      "starting\",\"attr\":{\"pid\":1,\"port\":27017,\"dbPath\":\"/data/"
                      "db\",\"architecture\":\"64-bit\",\"host\":\""
                    + c.podName + "\"}}",
                d
                    + "\"s\":\"I\",  \"c\":\"CONTROL\",  \"id\":23403,   "
                      "\"ctx\":\"initandlisten\",\"msg\":\"Build "
                      "Info\",\"attr\":{\"buildInfo\":{\"version\":\"5.0.23\"}}}",
                d
                    + "\"s\":\"I\",  \"c\":\"STORAGE\",  \"id\":22297,   "
                      "\"ctx\":\"initandlisten\",\"msg\":\"Using the XFS filesystem is strongly "
                      "recommended with the WiredTiger storage engine\"}",
                d
                    + "\"s\":\"I\",  \"c\":\"NETWORK\",  \"id\":23015,   "
                      "\"ctx\":\"listener\",\"msg\":\"Listening "
                      "on\",\"attr\":{\"address\":\"0.0.0.0\"}}",
                d
                    + "\"s\":\"I\",  \"c\":\"NETWORK\",  \"id\":23016,   "
                      "\"ctx\":\"listener\",\"msg\":\"Waiting for "
                      "connections\",\"attr\":{\"port\":27017,\"ssl\":\"off\"}}"};
    }
    case Kind::Postgres: {
        const std::string ts = fmt(t, "%Y-%m-%d %H:%M:%S", true) + " UTC [1] ";
        return {
            "",
            "PostgreSQL Database directory appears to contain a database; Skipping initialization",
            "",
            ts
                + "LOG:  starting PostgreSQL 16.1 (Debian 16.1-1.pgdg120+1) on "
                  "x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit",
            ts + "LOG:  listening on IPv4 address \"0.0.0.0\", port 5432",
            ts + "LOG:  listening on Unix socket \"/var/run/postgresql/.s.PGSQL.5432\"",
            fmt(t, "%Y-%m-%d %H:%M:%S", true) + " UTC [29] LOG:  database system was shut down at "
                + fmt(t, "%Y-%m-%d %H:%M:%S") + " UTC",
            ts + "LOG:  database system is ready to accept connections"};
    }
    case Kind::Redis: {
        const std::string ts = "1:M " + fmt(t, "%d %b %Y %H:%M:%S", true);
        return {"1:C " + fmt(t, "%d %b %Y %H:%M:%S", true)
                    + " # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo",
                "1:C " + fmt(t, "%d %b %Y %H:%M:%S", true)
                    + " # Redis version=7.2.3, bits=64, commit=00000000, modified=0, pid=1, just "
                      "started",
                ts + " * monotonic clock: POSIX clock_gettime",
                ts + " * Running mode=standalone, port=6379.",
                ts + " * Server initialized",
                ts + " * Ready to accept connections tcp"};
    }
    case Kind::Prometheus: {
        const std::string ts = "ts=" + iso(t);
        return {
            ts
                + " caller=main.go:539 level=info msg=\"No time or size retention was set so using "
                  "the default time retention\" duration=15d",
            ts
                + " caller=main.go:583 level=info msg=\"Starting Prometheus Server\" mode=server "
                  "version=\"(version=2.48.0, branch=HEAD, "
                  "revision=6d80b30990bc297d95b5c844e118c4011fad8054)\"",
            ts
                + " caller=web.go:566 level=info component=web msg=\"Start listening for "
                  "connections\" address=0.0.0.0:9090",
            ts
                + " caller=head.go:601 level=info component=tsdb msg=\"Replaying on-disk memory "
                  "mappable chunks if any\"",
            ts + " caller=main.go:1024 level=info msg=\"TSDB started\"",
            ts
                + " caller=main.go:1205 level=info msg=\"Loading configuration file\" "
                  "filename=/etc/prometheus/prometheus.yml",
            ts
                + " caller=main.go:1242 level=info msg=\"Completed loading of configuration file\" "
                  "filename=/etc/prometheus/prometheus.yml",
            ts + " caller=main.go:985 level=info msg=\"Server is ready to receive web requests.\""};
    }
    case Kind::Grafana: {
        const std::string ts = " t=" + iso(t);
        return {
            "logger=settings" + ts
                + " level=info msg=\"Starting Grafana\" version=10.2.2 "
                  "commit=161e3cac5075540918e3a39004f2364ad104d5bb",
            "logger=settings" + ts
                + " level=info msg=\"Config loaded from\" "
                  "file=/usr/share/grafana/conf/defaults.ini",
            "logger=sqlstore" + ts + " level=info msg=\"Connecting to DB\" dbtype=sqlite3",
            "logger=migrator" + ts
                + " level=info msg=\"migrations completed\" performed=0 skipped=526 duration=1.2ms",
            "logger=provisioning.datasources" + ts
                + " level=info msg=\"inserting datasource from configuration\" name=Prometheus "
                  "uid=prometheus",
            "logger=http.server" + ts
                + " level=info msg=\"HTTP Server Listen\" address=[::]:3000 protocol=http subUrl= "
                  "socket="};
    }
    case Kind::Alertmanager: {
        const std::string ts = "ts=" + iso(t);
        return {ts
                    + " caller=main.go:245 level=info msg=\"Starting Alertmanager\" "
                      "version=\"(version=0.26.0, branch=HEAD, "
                      "revision=d7b4f0c7322e7151d6e3b1e31cbc15361e295d8d)\"",
                ts
                    + " caller=cluster.go:186 level=info component=cluster msg=\"setting advertise "
                      "address explicitly\" addr="
                    + c.podIp + " port=9094",
                ts
                    + " caller=coordinator.go:113 level=info component=configuration msg=\"Loading "
                      "configuration file\" file=/etc/alertmanager/alertmanager.yml",
                ts + " caller=tls_config.go:274 level=info msg=\"Listening on\" address=[::]:9093"};
    }
    case Kind::NodeExporter: {
        const std::string ts = "ts=" + iso(t);
        return {ts
                    + " caller=node_exporter.go:192 level=info msg=\"Starting node_exporter\" "
                      "version=\"(version=1.7.0, branch=HEAD, "
                      "revision=7333465abf9efba81876303bb57e6fadb946041b)\"",
                ts + " caller=node_exporter.go:117 level=info collector=cpu",
                ts + " caller=node_exporter.go:117 level=info collector=meminfo",
                ts + " caller=tls_config.go:274 level=info msg=\"Listening on\" address=[::]:9100"};
    }
    case Kind::Ollama:
        return {"time=" + iso(t) + " level=INFO source=images.go:806 msg=\"total blobs: 5\"",
                "time=" + iso(t)
                    + " level=INFO source=routes.go:1118 msg=\"Listening on [::]:11434 (version "
                      "0.1.32)\"",
                "time=" + iso(t)
                    + " level=INFO source=payload.go:44 msg=\"Dynamic LLM libraries [cpu cpu_avx "
                      "cpu_avx2]\"",
                "time=" + iso(t) + " level=INFO source=gpu.go:115 msg=\"no GPU detected\"",
                "time=" + iso(t)
                    + " level=INFO source=server.go:127 msg=\"loaded model tinyllama (637 MB)\""};
    case Kind::CoreDns:
        return {".:53",
                "[INFO] plugin/reload: Running configuration SHA512 = "
                "591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b95"
                "3814040d180f52594972691cd6ff41be96639138a43908",
                "CoreDNS-1.11.1", "linux/amd64, go1.20.7, ae2bbc2"};
    case Kind::Generic: break;
    }
    return {iso(t) + " INFO starting " + c.containerName + " (" + c.image + ")",
            iso(t) + " INFO configuration loaded", iso(t) + " INFO listening on :" + port};
}

std::string LogGenerator::requestLine(Kind kind, const Context &c, SimClock::TimePoint t,
                                      std::mt19937 &rng)
{
    static const std::array<const char *, 8> paths
        = {"/",           "/api/courses",  "/api/students",   "/api/health",
           "/api/orders", "/api/products", "/static/main.js", "/api/messages"};
    static const std::array<const char *, 6> status = {"200", "200", "200", "200", "304", "404"};
    std::uniform_int_distribution<int> bytes(180, 24000), ms(2, 180), peer(2, 250),
        port(30000, 60000);
    const std::string client = "10.244.0." + std::to_string(peer(rng));
    const char *path = pick(paths, rng);
    const char *code = pick(status, rng);
    switch (kind) {
    case Kind::Nginx:
        return client + " - - [" + fmt(t, "%d/%b/%Y:%H:%M:%S +0000") + "] \"GET " + path
               + " HTTP/1.1\" " + code + " " + std::to_string(bytes(rng))
               + " \"-\" \"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                 "Chrome/120.0 Safari/537.36\" \"-\"";
    case Kind::Spring:
        return fmt(t, "%Y-%m-%d %H:%M:%S", true) + "  INFO 1 --- [nio-" + std::to_string(c.port)
               + "-exec-" + std::to_string(peer(rng) % 10 + 1)
               + "] c.o.app.web.RequestLoggingFilter         : GET " + path + " -> " + code + " ("
               + std::to_string(ms(rng)) + " ms)";
    case Kind::Python:
        return std::string("INFO:     ") + client + ":" + std::to_string(port(rng)) + " - \"GET "
               + path + " HTTP/1.1\" " + code + (std::string(code) == "404" ? " Not Found" : " OK");
    case Kind::Node:
        return "[" + iso(t) + "] http: GET " + path + " " + code + " " + std::to_string(ms(rng))
               + ".412 ms - " + std::to_string(bytes(rng));
    case Kind::MySql:
    case Kind::Mongo:
        return iso(t) + " connection " + std::to_string(bytes(rng)) + " from " + client
               + " authenticated";
    case Kind::Postgres:
        return fmt(t, "%Y-%m-%d %H:%M:%S", true) + " UTC [" + std::to_string(ms(rng) + 40)
               + "] LOG:  checkpoint complete: wrote " + std::to_string(ms(rng)) + " buffers";
    case Kind::Redis:
        return "1:M " + fmt(t, "%d %b %Y %H:%M:%S", true)
               + " * 100 changes in 300 seconds. Saving...";
    case Kind::Prometheus:
        return "ts=" + iso(t)
               + " caller=compact.go:519 level=info component=tsdb msg=\"write block\" duration="
               + std::to_string(ms(rng)) + "ms";
    case Kind::Grafana:
        return "logger=context userId=1 orgId=1 uname=admin t=" + iso(t)
               + " level=info msg=\"Request Completed\" method=GET path=/api/ds/query status=200 "
                 "remote_addr="
               + client + " time_ms=" + std::to_string(ms(rng));
    case Kind::Ollama:
        return "[GIN] " + fmt(t, "%Y/%m/%d - %H:%M:%S") + " | 200 | " + std::to_string(ms(rng) * 20)
               + "ms | " + client + " | POST \"/api/generate\"";
    case Kind::CoreDns:
        return "[INFO] " + client + ":" + std::to_string(port(rng))
               + " - 4242 \"A IN backend.default.svc.cluster.local. udp 52 false 512\" NOERROR "
                 "qr,aa,rd 106 0.000123s";
    case Kind::Alertmanager:
    case Kind::NodeExporter:
    case Kind::Generic: break;
    }
    return iso(t) + " INFO handled request path=" + path + " status=" + code;
}

std::vector<std::string> LogGenerator::crash(Kind kind, const Context &c, SimClock::TimePoint t)
{
    switch (kind) {
    case Kind::Spring: {
        const std::string ts = fmt(t, "%Y-%m-%d %H:%M:%S", true);
        return {ts
                    + " ERROR 1 --- [           main] o.s.boot.SpringApplication               : "
                      "Application run failed",
                "",
                "org.springframework.beans.factory.BeanCreationException: Error creating bean with "
                "name 'entityManagerFactory' defined in class path resource "
                "[org/springframework/boot/autoconfigure/orm/jpa/HibernateJpaConfiguration.class]: "
                "Invocation of init method failed; nested exception is "
                "java.lang.IllegalStateException: Failed to load ApplicationContext",
                "\tat "
                "org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory."
                "initializeBean(AbstractAutowireCapableBeanFactory.java:1804)",
                "\tat "
                "org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory."
                "doCreateBean(AbstractAutowireCapableBeanFactory.java:620)",
                "\tat "
                "org.springframework.context.support.AbstractApplicationContext.refresh("
                "AbstractApplicationContext.java:583)",
                "\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:308)",
                "\tat com.orrery.app.Application.main(Application.java:12)",
                "Caused by: java.lang.NullPointerException: Cannot invoke \"String.length()\" "
                "because \"url\" is null",
                "\tat com.orrery.app.config.DataSourceConfig.dataSource(DataSourceConfig.java:41)",
                "\t... 24 common frames omitted"};
    }
    case Kind::Python:
        return {"Traceback (most recent call last):",
                "  File \"/usr/local/bin/uvicorn\", line 8, in <module>",
                "    sys.exit(main())",
                "  File \"/app/main.py\", line 14, in <module>",
                "    from app.settings import settings",
                "  File \"/app/app/settings.py\", line 22, in <module>",
                "    settings = Settings()",
                "KeyError: 'OPENAI_API_KEY'"};
    case Kind::Node:
        return {"/app/dist/server/src/index.js:42",
                "    throw new Error(`Missing required configuration: ${key}`);",
                "    ^",
                "",
                "Error: Missing required configuration: DATABASE_URL",
                "    at requireEnv (/app/dist/server/src/config.js:42:11)",
                "    at Object.<anonymous> (/app/dist/server/src/index.js:9:20)",
                "    at Module._compile (node:internal/modules/cjs/loader:1256:14)",
                "",
                "Node.js v18.19.0"};
    default: break;
    }
    return {iso(t) + " FATAL failed to start " + c.containerName + ": configuration invalid",
            "panic: runtime error: invalid memory address or nil pointer dereference",
            "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a2f1b]",
            "",
            "goroutine 1 [running]:",
            "main.run(0x0)",
            "\t/src/cmd/server/main.go:87 +0x1bb",
            "main.main()",
            "\t/src/cmd/server/main.go:31 +0x25"};
}

std::vector<std::string> LogGenerator::completion(const Context &c, SimClock::TimePoint t)
{
    return {iso(t) + " INFO job " + c.podName + " started", iso(t) + " INFO processing batch",
            iso(t) + " INFO done: 1 task(s) completed successfully"};
}

} // namespace Orrery::Sim
