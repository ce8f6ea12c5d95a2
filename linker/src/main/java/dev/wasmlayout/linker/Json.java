package dev.wasmlayout.linker;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.wasmlayout.validator.Captured;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON the linker and the command line write for machines (link.json, {@code --json}): Jackson,
 * indented, keys in declaration order (maps sorted), a newline at the end. What a module printed is
 * {@code {"length": N, "text": "..." or null when not valid UTF-8, "base64": "..."}}, so the exact
 * bytes survive. (layout.json has its own fixed format: {@code LayoutJson}.)
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .registerModule(new SimpleModule().addSerializer(Captured.class, new StdSerializer<>(Captured.class) {
                @Override
                public void serialize(Captured c, JsonGenerator g, SerializerProvider p) throws IOException {
                    g.writeStartObject();
                    g.writeNumberField("length", c.length());
                    g.writeStringField("text", c.text());
                    g.writeStringField("base64", c.base64());
                    g.writeEndObject();
                }
            }));

    private Json() {
    }

    /** {@code value} as indented JSON and a final newline. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // our own records and collections: cannot happen
        }
    }

    /** {@code text} read into {@code type} (a record: link.json); keys it does not know are passed over. */
    static <T> T read(String text, Class<T> type) throws IOException {
        return MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(text);
    }

    /** As {@link #write}, with an empty array as {@code []}: link.json's bytes since its first version. */
    static String writeFile(Object value) {
        try {
            return MAPPER.writer(new EmptyArraysClosed()).writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Jackson's default printer, except that an empty array is {@code []} rather than {@code [ ]}. */
    private static final class EmptyArraysClosed extends DefaultPrettyPrinter {
        EmptyArraysClosed() {
        }

        private EmptyArraysClosed(EmptyArraysClosed base) {
            super(base);
        }

        @Override
        public EmptyArraysClosed createInstance() {
            return new EmptyArraysClosed(this);
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            if (nrOfValues == 0 && _arrayIndenter.isInline()) {
                g.writeRaw(']');
            } else {
                super.writeEndArray(g, nrOfValues);
            }
        }
    }
}
