package dev.muster.export.compose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/** Writes a {@link ComposeFile} as YAML, with a comment that says where it came from. */
public final class ComposeWriter {
    private final ObjectMapper mapper = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    /** The file's text; {@code header} lines become comments at the top. */
    public String write(ComposeFile file, java.util.List<String> header) {
        StringBuilder text = new StringBuilder();
        header.forEach(line -> text.append("# ").append(line).append('\n'));
        try {
            text.append(mapper.writeValueAsString(file));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the Compose file: " + e.getMessage(), e);
        }
        return text.toString();
    }
}
