package dev.wasmlayout.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.wasmlayout.validator.Captured;
import java.io.IOException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * JSON output for machines: indented, keys in declaration order, a newline at the end. What a module
 * printed is {@code {"length": N, "text": "..." or null when not valid UTF-8, "base64": "..."}}, so the
 * exact bytes survive.
 */
final class Json {
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

    static String write(Object value) throws JsonProcessingException {
        return MAPPER.writeValueAsString(value) + "\n";
    }
}
