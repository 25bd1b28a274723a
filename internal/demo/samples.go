package demo

const appYAML = `# payments service
server:
  port: 8443
  tls: true
  readTimeout: 5s
database:
  host: payments-db.internal
  pool:
    min: 4
    max: 32
providers:
  - name: stripe
    enabled: true
    timeoutMs: 2500
  - name: adyen
    enabled: false
`

const dbProperties = `# JDBC settings for the payments database
jdbc.url=jdbc:postgresql://payments-db.internal:5432/payments
jdbc.user=payments
jdbc.pool.maxSize=32
jdbc.pool.idleTimeout=600000
hibernate.dialect=org.hibernate.dialect.PostgreSQLDialect
`

const loggingXML = `<?xml version="1.0" encoding="UTF-8"?>
<configuration>
  <appender name="JSON" class="ch.qos.logback.core.ConsoleAppender">
    <encoder class="net.logstash.logback.encoder.LogstashEncoder"/>
  </appender>
  <logger name="org.apache.zookeeper" level="WARN"/>
  <root level="INFO">
    <appender-ref ref="JSON"/>
  </root>
</configuration>
`
