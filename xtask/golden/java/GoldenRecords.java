/*
 * Golden cross-check of record batches against the Java client (kafka-clients).
 *
 *   GoldenRecords write <dir>   writes <dir>/java/<name>.bin (a record set built with the Java
 *                               client's MemoryRecordsBuilder) and <name>.json describing it
 *   GoldenRecords verify <dir>  reads every <dir>/rust/<name>.bin with MemoryRecords, calls
 *                               ensureValid() on each batch, compares with <name>.json and prints
 *                               "GOLDEN records/rust/<name> PASS" or "... FAIL <reason>"
 *
 * JSON layout (shared with kafka-protocol/tests/golden_records.rs):
 *   {"batches": [{"magic", "baseOffset", "lastOffset", "compression", "timestampType",
 *                 "maxTimestamp", "transactional", "control", "producerId", "producerEpoch",
 *                 "baseSequence", "partitionLeaderEpoch",
 *                 "records": [{"offset", "timestamp", "key", "value",
 *                              "headers": [{"key", "value"}]}]}]}
 * key/value/header values are base64 strings or null; header keys are strings.
 *
 * Needs only kafka-clients and its runtime dependencies (lz4-java, snappy-java, zstd-jni,
 * slf4j-api) on the classpath; no JSON library.
 */

import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.ControlRecordType;
import org.apache.kafka.common.record.internal.EndTransactionMarker;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

public class GoldenRecords {

    private static final long T0 = 1_700_000_000_000L;
    private static final String[] CODECS = {"none", "gzip", "snappy", "lz4", "zstd"};

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !(args[0].equals("write") || args[0].equals("verify"))) {
            System.err.println("usage: GoldenRecords write|verify <dir>");
            System.exit(2);
        }
        Path dir = Paths.get(args[1]);
        if (args[0].equals("write")) {
            write(dir.resolve("java"));
        } else {
            System.exit(verify(dir.resolve("rust")) ? 0 : 1);
        }
    }

    // ---------------------------------------------------------------- write

    /** One record to append: timestamp, key, value, headers. */
    private static final class Input {
        final long timestamp;
        final byte[] key;
        final byte[] value;
        final Header[] headers;

        Input(long timestamp, byte[] key, byte[] value, Header... headers) {
            this.timestamp = timestamp;
            this.key = key;
            this.value = value;
            this.headers = headers;
        }
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /** A repetitive value of n bytes: compressible, and large enough to span codec blocks. */
    private static byte[] big(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ("golden record ".charAt(i % 14) + (i / 1000) % 7);
        }
        return b;
    }

    /** Records exercising null/empty keys and values, headers (null values, UTF-8 keys), size. */
    private static List<Input> sample(boolean withHeaders) {
        List<Input> in = new ArrayList<>();
        Header[] none = new Header[0];
        in.add(new Input(T0, utf8("key-0"), utf8("value-0"), withHeaders
            ? new Header[]{new RecordHeader("trace", utf8("abc")), new RecordHeader("null-value", (byte[]) null)}
            : none));
        in.add(new Input(T0 + 5, null, utf8("null key"), none));
        in.add(new Input(T0 + 3, utf8("null value"), null, none));
        in.add(new Input(T0 + 9, new byte[0], new byte[0], withHeaders
            ? new Header[]{new RecordHeader("ключ", new byte[0]), new RecordHeader("dup", utf8("1")), new RecordHeader("dup", utf8("2"))}
            : none));
        in.add(new Input(T0 + 1, null, null, none));
        in.add(new Input(T0 + 20, utf8("big"), big(150_000), none));
        for (int i = 6; i < 30; i++) {
            in.add(new Input(T0 + i, utf8("k" + i), utf8("value number " + i), none));
        }
        return in;
    }

    private static MemoryRecords build(byte magic, String codec, TimestampType tsType, long logAppendTime,
                                       long baseOffset, long producerId, short producerEpoch, int baseSequence,
                                       boolean transactional, int leaderEpoch, List<Input> records) {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        MemoryRecordsBuilder builder = MemoryRecords.builder(buffer, magic,
            Compression.of(codec).build(), tsType, baseOffset, logAppendTime, producerId, producerEpoch,
            baseSequence, transactional, leaderEpoch);
        for (Input r : records) {
            if (magic >= RecordBatch.MAGIC_VALUE_V2) {
                builder.append(r.timestamp, r.key, r.value, r.headers);
            } else {
                builder.append(r.timestamp, r.key, r.value);
            }
        }
        return builder.build();
    }

    private static MemoryRecords simple(byte magic, String codec, List<Input> records) {
        TimestampType type = magic == RecordBatch.MAGIC_VALUE_V0 ? TimestampType.NO_TIMESTAMP_TYPE : TimestampType.CREATE_TIME;
        return build(magic, codec, type, RecordBatch.NO_TIMESTAMP, 0L, RecordBatch.NO_PRODUCER_ID,
            RecordBatch.NO_PRODUCER_EPOCH, RecordBatch.NO_SEQUENCE, false, RecordBatch.NO_PARTITION_LEADER_EPOCH, records);
    }

    private static ByteBuffer concat(ByteBuffer... parts) {
        int len = 0;
        for (ByteBuffer p : parts) len += p.remaining();
        ByteBuffer all = ByteBuffer.allocate(len);
        for (ByteBuffer p : parts) all.put(p.duplicate());
        all.flip();
        return all;
    }

    private static void write(Path out) throws IOException {
        Files.createDirectories(out);
        Map<String, ByteBuffer> vectors = new LinkedHashMap<>();
        for (String codec : CODECS) {
            vectors.put("v2_" + codec, simple(RecordBatch.MAGIC_VALUE_V2, codec, sample(true)).buffer());
        }
        vectors.put("v2_transactional_lz4", build(RecordBatch.MAGIC_VALUE_V2, "lz4", TimestampType.CREATE_TIME,
            RecordBatch.NO_TIMESTAMP, 500L, 123_456L, (short) 7, 42, true, 3, sample(true)).buffer());
        vectors.put("v2_idempotent_zstd", build(RecordBatch.MAGIC_VALUE_V2, "zstd", TimestampType.CREATE_TIME,
            RecordBatch.NO_TIMESTAMP, 9_000_000_000L, 77L, (short) 0, Integer.MAX_VALUE - 10, false, 11, sample(false)).buffer());
        vectors.put("v2_log_append_time_gzip", build(RecordBatch.MAGIC_VALUE_V2, "gzip", TimestampType.LOG_APPEND_TIME,
            T0 + 999, 0L, RecordBatch.NO_PRODUCER_ID, RecordBatch.NO_PRODUCER_EPOCH, RecordBatch.NO_SEQUENCE, false,
            RecordBatch.NO_PARTITION_LEADER_EPOCH, sample(true)).buffer());
        vectors.put("control_commit", MemoryRecords.withEndTransactionMarker(1000L, T0, 5, 123_456L, (short) 7,
            new EndTransactionMarker(ControlRecordType.COMMIT, 17)).buffer());
        vectors.put("control_abort", MemoryRecords.withEndTransactionMarker(2000L, T0, 5, 123_456L, (short) 7,
            new EndTransactionMarker(ControlRecordType.ABORT, 0)).buffer());
        ByteBuffer multi = concat(
            build(RecordBatch.MAGIC_VALUE_V2, "none", TimestampType.CREATE_TIME, -1, 0L, -1, (short) -1, -1, false, -1, sample(true).subList(0, 5)).buffer(),
            build(RecordBatch.MAGIC_VALUE_V2, "snappy", TimestampType.CREATE_TIME, -1, 5L, -1, (short) -1, -1, false, -1, sample(true).subList(0, 7)).buffer(),
            build(RecordBatch.MAGIC_VALUE_V2, "lz4", TimestampType.CREATE_TIME, -1, 12L, -1, (short) -1, -1, false, -1, sample(true).subList(6, 9)).buffer());
        vectors.put("v2_multi_batch", multi);
        // A fetch response cut in the middle of its last batch: readers stop before it.
        ByteBuffer last = simple(RecordBatch.MAGIC_VALUE_V2, "none", sample(true).subList(0, 4)).buffer();
        last.limit(last.limit() - 10);
        vectors.put("v2_truncated_tail", concat(multi, last));
        for (byte magic : new byte[]{RecordBatch.MAGIC_VALUE_V0, RecordBatch.MAGIC_VALUE_V1}) {
            for (String codec : new String[]{"none", "gzip", "snappy", "lz4"}) {
                vectors.put("v" + magic + "_" + codec, simple(magic, codec, sample(false)).buffer());
            }
        }
        vectors.put("v1_log_append_time_gzip", build(RecordBatch.MAGIC_VALUE_V1, "gzip", TimestampType.LOG_APPEND_TIME,
            T0 + 999, 100L, -1, (short) -1, -1, false, -1, sample(false)).buffer());

        for (Map.Entry<String, ByteBuffer> v : vectors.entrySet()) {
            ByteBuffer buf = v.getValue().duplicate();
            byte[] bytes = new byte[buf.remaining()];
            buf.get(bytes);
            Files.write(out.resolve(v.getKey() + ".bin"), bytes);
            String json = Json.write(describe(MemoryRecords.readableRecords(ByteBuffer.wrap(bytes)), true));
            Files.write(out.resolve(v.getKey() + ".json"), json.getBytes(StandardCharsets.UTF_8));
            System.out.println("wrote records/java/" + v.getKey());
        }
    }

    // ---------------------------------------------------------------- describe

    private static String b64(ByteBuffer b) {
        if (b == null) return null;
        ByteBuffer d = b.duplicate();
        byte[] bytes = new byte[d.remaining()];
        d.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The JSON tree for a record set, read with the Java client (validating each batch). */
    private static Map<String, Object> describe(MemoryRecords records, boolean validate) {
        List<Object> batches = new ArrayList<>();
        for (RecordBatch batch : records.batches()) {
            if (validate) batch.ensureValid();
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("magic", (long) batch.magic());
            b.put("baseOffset", batch.baseOffset());
            b.put("lastOffset", batch.lastOffset());
            b.put("compression", batch.compressionType().name);
            b.put("timestampType", batch.timestampType().name);
            b.put("maxTimestamp", batch.maxTimestamp());
            b.put("transactional", batch.isTransactional());
            b.put("control", batch.isControlBatch());
            b.put("producerId", batch.producerId());
            b.put("producerEpoch", (long) batch.producerEpoch());
            b.put("baseSequence", (long) batch.baseSequence());
            b.put("partitionLeaderEpoch", (long) batch.partitionLeaderEpoch());
            List<Object> recs = new ArrayList<>();
            for (Record r : batch) {
                if (validate) r.ensureValid();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("offset", r.offset());
                m.put("timestamp", r.timestamp());
                m.put("key", b64(r.key()));
                m.put("value", b64(r.value()));
                List<Object> hs = new ArrayList<>();
                for (Header h : r.headers()) {
                    Map<String, Object> hm = new LinkedHashMap<>();
                    hm.put("key", h.key());
                    hm.put("value", h.value() == null ? null : Base64.getEncoder().encodeToString(h.value()));
                    hs.add(hm);
                }
                m.put("headers", hs);
                recs.add(m);
            }
            b.put("records", recs);
            batches.add(b);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("batches", batches);
        return root;
    }

    // ---------------------------------------------------------------- verify

    private static boolean verify(Path in) throws IOException {
        List<Path> bins;
        try (Stream<Path> s = Files.list(in)) {
            bins = s.filter(p -> p.toString().endsWith(".bin")).sorted().collect(java.util.stream.Collectors.toList());
        }
        if (bins.isEmpty()) {
            System.out.println("GOLDEN records/rust FAIL no vectors in " + in);
            return false;
        }
        boolean ok = true;
        for (Path bin : bins) {
            String name = bin.getFileName().toString().replaceFirst("\\.bin$", "");
            String reason;
            try {
                byte[] bytes = Files.readAllBytes(bin);
                Object expected = Json.parse(new String(Files.readAllBytes(in.resolve(name + ".json")), StandardCharsets.UTF_8));
                Object actual = describe(MemoryRecords.readableRecords(ByteBuffer.wrap(bytes)), true);
                reason = diff("", expected, actual);
            } catch (Exception e) {
                reason = e.toString().replace('\n', ' ');
            }
            if (reason == null) {
                System.out.println("GOLDEN records/rust/" + name + " PASS");
            } else {
                System.out.println("GOLDEN records/rust/" + name + " FAIL " + reason);
                ok = false;
            }
        }
        return ok;
    }

    /** The first difference between two JSON trees, or null when equal. */
    @SuppressWarnings("unchecked")
    private static String diff(String path, Object expected, Object actual) {
        if (expected instanceof Map && actual instanceof Map) {
            Map<String, Object> e = (Map<String, Object>) expected, a = (Map<String, Object>) actual;
            for (String k : e.keySet()) {
                if (!a.containsKey(k)) return path + "." + k + ": missing";
                String d = diff(path + "." + k, e.get(k), a.get(k));
                if (d != null) return d;
            }
            for (String k : a.keySet()) {
                if (!e.containsKey(k)) return path + "." + k + ": unexpected";
            }
            return null;
        }
        if (expected instanceof List && actual instanceof List) {
            List<Object> e = (List<Object>) expected, a = (List<Object>) actual;
            if (e.size() != a.size()) return path + ": expected " + e.size() + " items, got " + a.size();
            for (int i = 0; i < e.size(); i++) {
                String d = diff(path + "[" + i + "]", e.get(i), a.get(i));
                if (d != null) return d;
            }
            return null;
        }
        if (expected instanceof Number && actual instanceof Number) {
            return ((Number) expected).longValue() == ((Number) actual).longValue() ? null
                : path + ": expected " + expected + ", got " + actual;
        }
        return Objects.equals(expected, actual) ? null : path + ": expected " + abbrev(expected) + ", got " + abbrev(actual);
    }

    private static String abbrev(Object o) {
        String s = String.valueOf(o);
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    // ---------------------------------------------------------------- JSON

    /** Minimal JSON: objects, arrays, strings, integers, booleans, null. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json p = new Json(text);
            Object v = p.value();
            p.ws();
            if (p.i != text.length()) throw p.error("trailing characters");
            return v;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("JSON " + what + " at " + i);
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }

        private void expect(char c) {
            ws();
            if (i >= s.length() || s.charAt(i) != c) throw error("expected '" + c + "'");
            i++;
        }

        private Object value() {
            ws();
            if (i >= s.length()) throw error("unexpected end");
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                Map<String, Object> m = new LinkedHashMap<>();
                ws();
                if (s.charAt(i) == '}') { i++; return m; }
                while (true) {
                    ws();
                    String k = string();
                    expect(':');
                    m.put(k, value());
                    ws();
                    if (s.charAt(i) == ',') { i++; continue; }
                    expect('}');
                    return m;
                }
            }
            if (c == '[') {
                i++;
                List<Object> l = new ArrayList<>();
                ws();
                if (s.charAt(i) == ']') { i++; return l; }
                while (true) {
                    l.add(value());
                    ws();
                    if (s.charAt(i) == ',') { i++; continue; }
                    expect(']');
                    return l;
                }
            }
            if (c == '"') return string();
            if (s.startsWith("null", i)) { i += 4; return null; }
            if (s.startsWith("true", i)) { i += 4; return Boolean.TRUE; }
            if (s.startsWith("false", i)) { i += 5; return Boolean.FALSE; }
            int start = i;
            if (c == '-') i++;
            while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
            if (start == i) throw error("unexpected character");
            return Long.parseLong(s.substring(start, i));
        }

        private String string() {
            if (s.charAt(i) != '"') throw error("expected string");
            i++;
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') return b.toString();
                if (c != '\\') { b.append(c); continue; }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n': b.append('\n'); break;
                    case 't': b.append('\t'); break;
                    case 'r': b.append('\r'); break;
                    case 'b': b.append('\b'); break;
                    case 'f': b.append('\f'); break;
                    case 'u': b.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; break;
                    default: b.append(e);
                }
            }
        }

        @SuppressWarnings("unchecked")
        static String write(Object v) {
            StringBuilder b = new StringBuilder();
            write(b, v, "");
            return b.append('\n').toString();
        }

        @SuppressWarnings("unchecked")
        private static void write(StringBuilder b, Object v, String indent) {
            if (v == null) {
                b.append("null");
            } else if (v instanceof String) {
                b.append('"');
                for (char c : ((String) v).toCharArray()) {
                    if (c == '"' || c == '\\') b.append('\\').append(c);
                    else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
                b.append('"');
            } else if (v instanceof Map) {
                Map<String, Object> m = (Map<String, Object>) v;
                if (m.isEmpty()) { b.append("{}"); return; }
                b.append("{\n");
                String inner = indent + "  ";
                int n = 0;
                for (Map.Entry<String, Object> e : m.entrySet()) {
                    b.append(inner);
                    write(b, e.getKey(), inner);
                    b.append(": ");
                    write(b, e.getValue(), inner);
                    b.append(++n < m.size() ? ",\n" : "\n");
                }
                b.append(indent).append('}');
            } else if (v instanceof List) {
                List<Object> l = (List<Object>) v;
                if (l.isEmpty()) { b.append("[]"); return; }
                b.append("[\n");
                String inner = indent + "  ";
                for (int n = 0; n < l.size(); n++) {
                    b.append(inner);
                    write(b, l.get(n), inner);
                    b.append(n + 1 < l.size() ? ",\n" : "\n");
                }
                b.append(indent).append(']');
            } else {
                b.append(v);
            }
        }
    }
}
