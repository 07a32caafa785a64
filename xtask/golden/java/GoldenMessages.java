// Golden cross-check of the Rust protocol crate against the Java client's generated messages.
//
//   GoldenMessages write <dir>   reads <dir>/seed/<Spec>-v<N>-<variant>.json with the Java JSON
//                                converter, writes the Java encoding to <dir>/java/<name>.bin and
//                                the Java JSON rendering to <dir>/java/<name>.json
//   GoldenMessages verify <dir>  decodes each <dir>/rust/<name>.bin (written by the Rust crate)
//                                with the Java classes, compares the Java JSON rendering with
//                                <dir>/rust/<name>.json and re-encodes to the same bytes
//
// Each vector prints one line: GOLDEN messages/<side>/<name> PASS | FAIL <reason>.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Message;
import org.apache.kafka.common.protocol.ObjectSerializationCache;
import org.apache.kafka.common.protocol.Readable;

public class GoldenMessages {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: GoldenMessages write|verify <dir>");
            System.exit(2);
        }
        Path dir = Paths.get(args[1]);
        if (args[0].equals("write")) {
            write(dir);
        } else if (args[0].equals("verify")) {
            verify(dir);
        } else {
            System.err.println("unknown mode " + args[0]);
            System.exit(2);
        }
    }

    /** Spec name, version and the vector's file stem, parsed from "<Spec>-v<N>-<variant>". */
    static final class Name {
        final String spec;
        final short version;
        final String stem;

        Name(String stem) {
            String[] parts = stem.split("-");
            this.spec = parts[0];
            this.version = Short.parseShort(parts[1].substring(1));
            this.stem = stem;
        }
    }

    static Class<?> dataClass(String spec) throws ClassNotFoundException {
        try {
            return Class.forName("org.apache.kafka.common.message." + spec + "Data");
        } catch (ClassNotFoundException e) {
            return Class.forName("org.apache.kafka.common.message." + spec);
        }
    }

    static Class<?> converterClass(Class<?> data) throws ClassNotFoundException {
        return Class.forName(data.getName() + "JsonConverter");
    }

    static JsonNode toJson(Message message, short version) throws Exception {
        Class<?> data = message.getClass();
        JsonNode node = (JsonNode) converterClass(data)
            .getMethod("write", data, short.class, boolean.class)
            .invoke(null, message, version, false);
        // Records render as their size; their bytes are compared through the re-encoding.
        // Round-trip through text so numeric and binary node types compare by value.
        return MAPPER.readTree(MAPPER.writeValueAsString(node));
    }

    static byte[] encode(Message message, short version) {
        ObjectSerializationCache cache = new ObjectSerializationCache();
        int size = message.size(cache, version);
        ByteBuffer buf = ByteBuffer.allocate(size);
        message.write(new ByteBufferAccessor(buf), cache, version);
        if (buf.hasRemaining()) {
            throw new IllegalStateException("size() said " + size + " but write left " + buf.remaining());
        }
        return buf.array();
    }

    static List<Path> files(Path dir, String glob) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
            for (Path p : stream) {
                out.add(p);
            }
        }
        Collections.sort(out);
        return out;
    }

    static String stem(Path p) {
        String f = p.getFileName().toString();
        return f.substring(0, f.lastIndexOf('.'));
    }

    static String describe(Throwable t) {
        while (t.getCause() != null && t instanceof java.lang.reflect.InvocationTargetException) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    static void write(Path dir) throws Exception {
        Path out = dir.resolve("java");
        Files.createDirectories(out);
        for (Path seed : files(dir.resolve("seed"), "*.json")) {
            Name name = new Name(stem(seed));
            try {
                Class<?> data = dataClass(name.spec);
                JsonNode input = MAPPER.readTree(seed.toFile());
                Message message = (Message) converterClass(data)
                    .getMethod("read", JsonNode.class, short.class)
                    .invoke(null, input, name.version);
                byte[] json = MAPPER.writeValueAsBytes(toJson(message, name.version));
                Files.write(out.resolve(name.stem + ".bin"), encode(message, name.version));
                Files.write(out.resolve(name.stem + ".json"), json);
            } catch (Throwable t) {
                System.out.println("GOLDEN messages/seed/" + name.stem + " FAIL " + describe(t));
            }
        }
    }

    static void verify(Path dir) throws Exception {
        for (Path bin : files(dir.resolve("rust"), "*.bin")) {
            Name name = new Name(stem(bin));
            String label = "GOLDEN messages/rust/" + name.stem;
            try {
                byte[] bytes = Files.readAllBytes(bin);
                Class<?> data = dataClass(name.spec);
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                Message message = (Message) data
                    .getConstructor(Readable.class, short.class)
                    .newInstance(new ByteBufferAccessor(buf), name.version);
                if (buf.hasRemaining()) {
                    System.out.println(label + " FAIL " + buf.remaining() + " bytes left after decoding");
                    continue;
                }
                JsonNode expected = MAPPER.readTree(dir.resolve("rust").resolve(name.stem + ".json").toFile());
                JsonNode actual = toJson(message, name.version);
                if (!expected.equals(actual)) {
                    System.out.println(label + " FAIL json differs: java=" + actual + " rust=" + expected);
                    continue;
                }
                byte[] again = encode(message, name.version);
                if (!Arrays.equals(again, bytes)) {
                    System.out.println(label + " FAIL re-encoding differs (" + again.length + " vs " + bytes.length + " bytes)");
                    continue;
                }
                System.out.println(label + " PASS");
            } catch (Throwable t) {
                System.out.println(label + " FAIL " + describe(t));
            }
        }
    }
}
