// A broker-side client telemetry receiver (KIP-714) for tests/tests/telemetry.rs: a metrics
// reporter that implements ClientTelemetry, so a Kafka broker configured with
// `metric.reporters=TelemetryReceiver` serves GetTelemetrySubscriptions and PushTelemetry and
// hands it every push. It decodes each payload with the OTLP classes kafka-clients ships
// (shaded), independently of the Rust client's encoder, and appends one line per data point to
// the file named by the broker property `telemetry.receiver.file`:
//
//   <client instance id> <terminating> <metric name> <sum|gauge> <value> <attr=value,...>
//
// A payload that does not decode is written as `<id> <terminating> UNDECODABLE <message>`.

import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;
import org.apache.kafka.server.authorizer.AuthorizableRequestContext;
import org.apache.kafka.server.telemetry.ClientTelemetry;
import org.apache.kafka.server.telemetry.ClientTelemetryPayload;
import org.apache.kafka.server.telemetry.ClientTelemetryReceiver;
import org.apache.kafka.shaded.io.opentelemetry.proto.common.v1.KeyValue;
import org.apache.kafka.shaded.io.opentelemetry.proto.metrics.v1.Metric;
import org.apache.kafka.shaded.io.opentelemetry.proto.metrics.v1.MetricsData;
import org.apache.kafka.shaded.io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import org.apache.kafka.shaded.io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import org.apache.kafka.shaded.io.opentelemetry.proto.metrics.v1.ScopeMetrics;

public class TelemetryReceiver implements MetricsReporter, ClientTelemetry, ClientTelemetryReceiver {
    private volatile String file;

    @Override
    public void configure(Map<String, ?> configs) {
        Object path = configs.get("telemetry.receiver.file");
        file = path == null ? null : path.toString();
    }

    @Override
    public void init(List<KafkaMetric> metrics) {}

    @Override
    public void metricChange(KafkaMetric metric) {}

    @Override
    public void metricRemoval(KafkaMetric metric) {}

    @Override
    public void close() {}

    @Override
    public ClientTelemetryReceiver clientReceiver() {
        return this;
    }

    @Override
    public synchronized void exportMetrics(AuthorizableRequestContext context, ClientTelemetryPayload payload) {
        if (file == null) {
            return;
        }
        String prefix = payload.clientInstanceId() + " " + payload.isTerminating() + " ";
        StringBuilder out = new StringBuilder();
        try {
            ByteBuffer data = payload.data().duplicate();
            MetricsData metrics = MetricsData.parseFrom(data);
            for (ResourceMetrics rm : metrics.getResourceMetricsList()) {
                for (ScopeMetrics sm : rm.getScopeMetricsList()) {
                    for (Metric m : sm.getMetricsList()) {
                        boolean sum = m.hasSum();
                        List<NumberDataPoint> points = sum ? m.getSum().getDataPointsList() : m.getGauge().getDataPointsList();
                        for (NumberDataPoint p : points) {
                            double value = p.getValueCase() == NumberDataPoint.ValueCase.AS_INT ? p.getAsInt() : p.getAsDouble();
                            String attrs = p.getAttributesList().stream()
                                .map(TelemetryReceiver::attribute)
                                .collect(Collectors.joining(","));
                            out.append(prefix).append(m.getName()).append(sum ? " sum " : " gauge ")
                                .append(value).append(' ').append(attrs).append('\n');
                        }
                    }
                }
            }
            if (out.length() == 0) {
                out.append(prefix).append("EMPTY\n");
            }
        } catch (Exception e) {
            out.append(prefix).append("UNDECODABLE ").append(e).append('\n');
        }
        try (PrintWriter w = new PrintWriter(new FileWriter(file, true))) {
            w.print(out);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    private static String attribute(KeyValue kv) {
        return kv.getKey() + "=" + kv.getValue().getStringValue();
    }
}
