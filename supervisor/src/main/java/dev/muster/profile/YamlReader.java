package dev.muster.profile;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads one YAML file into a tree and records the line of every path on the way, from the
 * streaming parser's tokens. Integers written with a leading zero (such as {@code 0755}) are kept
 * as the text written, so that modes are not silently read as octal numbers; floats are kept as
 * written too, since no profile key is a float and env values should stay as typed. Anchors and
 * aliases ({@code &name}, {@code *name}) work on mappings and lists (Jackson does not report
 * anchors on single values); merge keys ({@code <<}) do not.
 *
 * <p>Every file is read within {@link ProfileLimits}: its size and encoding are checked before
 * parsing ({@link ProfileText}), nesting is bounded by SnakeYAML's {@link LoaderOptions} and
 * Jackson's {@link StreamReadConstraints}, and aliases are counted and their copies budgeted as
 * they are expanded, so a "billion laughs" file stops at the bound instead of filling the heap.
 */
final class YamlReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final YAMLFactory factory = boundedFactory();

    /** A frame of the container being built: its node, its path and the next array index. */
    private static final class Frame {
        final JsonNode node;
        final String path;
        String key;
        int index;

        Frame(JsonNode node, String path) {
            this.node = node;
            this.path = path;
        }
    }

    /** Reads {@code file}; problems (syntax, not a mapping, unreadable) go to {@code problems}. */
    Optional<YamlDocument> read(Path file, ProblemCollector problems) {
        LocationIndex index = new LocationIndex(file);
        index.put("", new SourceLocation(file, 1));
        Optional<String> text = ProfileText.read(file, problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try (JsonParser parser = factory.createParser(text.get())) {
            JsonNode root = build(parser, file, index, problems);
            if (root instanceof ObjectNode object) {
                return Optional.of(new YamlDocument(object, index));
            }
            problems.add(new SourceLocation(file, 1), "", (root == null ? "the file is empty" : "the top level is not a mapping")
                    + "; a profile is a mapping that starts with version: 1 and has services:");
        } catch (ReadBudget.OverLimit e) {
            problems.add(new SourceLocation(file, e.line()), "", e.getMessage());
        } catch (StreamConstraintsException e) {
            problems.add(new SourceLocation(file, lineOf(e)), "", ReadBudget.tooDeep());
        } catch (JacksonException e) {
            int line = lineOf(e);
            String reason = firstLine(e.getOriginalMessage());
            problems.add(new SourceLocation(file, line), "", "YAML syntax error: " + reason
                    + "; check the indentation and quoting on this line and the one before"
                    + (reason.contains("flow") ? " (inside { } or [ ], quote values that contain ${...}, {, }, [, ] or ,)" : ""));
        } catch (IOException e) {
            problems.add(new SourceLocation(file, 0), "", "cannot be read (" + e.getMessage()
                    + "); check that the file exists and muster's user may read it");
        }
        return Optional.empty();
    }

    private static YAMLFactory boundedFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(ProfileLimits.MAX_FILE_BYTES + 1);
        options.setNestingDepthLimit(ProfileLimits.MAX_NESTING + 1);
        options.setMaxAliasesForCollections(ProfileLimits.MAX_ALIASES);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
        factory.setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(ProfileLimits.MAX_NESTING)
                .maxDocumentLength(ProfileLimits.MAX_FILE_BYTES + 1L)
                .build());
        return factory;
    }

    private static int lineOf(JacksonException e) {
        return e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
    }

    private JsonNode build(JsonParser parser, Path file, LocationIndex index, ProblemCollector problems)
            throws IOException {
        Deque<Frame> stack = new ArrayDeque<>();
        Map<String, JsonNode> anchors = new HashMap<>();
        ReadBudget budget = new ReadBudget();
        JsonNode root = null;
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            SourceLocation here = new SourceLocation(file, parser.currentTokenLocation().getLineNr());
            Frame top = stack.peek();
            if (token == JsonToken.FIELD_NAME) {
                top.key = parser.currentName();
                String path = LocationIndex.child(top.path, top.key);
                if (top.node.has(top.key)) {
                    problems.add(here, path, "this key appears twice in the same mapping; remove one of them");
                }
                index.put(path, here);
            } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                stack.pop();
            } else if (top == null && root != null) {
                problems.add(here, "", "a second YAML document (---) is not supported; keep one profile per file");
                return root;
            } else {
                budget.value();
                JsonNode value = anchored(parser, valueOf(parser, token), anchors, budget, here, problems);
                if (value.isTextual()) {
                    ReadBudget.text(value.textValue(), here.line());
                }
                String path = top == null ? "" : attach(top, value, index, here);
                root = root == null ? value : root;
                if (value.isContainerNode() && !yamlAlias(parser)) {
                    ReadBudget.depth(stack.size(), here.line());
                    stack.push(new Frame(value, path));
                }
            }
        }
        return root;
    }

    /** Resolves an alias ({@code *name}) to a copy of its anchor's node; remembers anchors ({@code &name}). */
    private static JsonNode anchored(JsonParser parser, JsonNode value, Map<String, JsonNode> anchors,
            ReadBudget budget, SourceLocation here, ProblemCollector problems) {
        if (!(parser instanceof YAMLParser yaml)) {
            return value;
        }
        if (yaml.isCurrentAlias()) {
            budget.alias();
            JsonNode anchor = anchors.get(value.asText());
            if (anchor == null) {
                problems.add(here, "", "*" + value.asText() + " refers to no anchor on a mapping or list; define &"
                        + value.asText() + " on a mapping or list before it in the same file (an anchor on a single"
                        + " value is not supported: write the value out)");
                return NODES.nullNode();
            }
            budget.copy(anchor);
            return anchor.deepCopy();
        }
        if (yaml.getCurrentAnchor() != null) {
            anchors.put(yaml.getCurrentAnchor(), value);
        }
        return value;
    }

    private static boolean yamlAlias(JsonParser parser) {
        return parser instanceof YAMLParser yaml && yaml.isCurrentAlias();
    }

    private static String attach(Frame top, JsonNode value, LocationIndex index, SourceLocation here) {
        if (top.node instanceof ObjectNode object) {
            object.set(top.key, value);
            return LocationIndex.child(top.path, top.key);
        }
        ((ArrayNode) top.node).add(value);
        String path = LocationIndex.element(top.path, top.index++);
        index.put(path, here);
        return path;
    }

    private static JsonNode valueOf(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> NODES.objectNode();
            case START_ARRAY -> NODES.arrayNode();
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            case VALUE_NULL -> NODES.nullNode();
            case VALUE_NUMBER_INT -> parser.getText().matches("[-+]?0[0-9]+")
                    ? NODES.textNode(parser.getText()) : integer(parser);
            default -> NODES.textNode(parser.getText());
        };
    }

    private static JsonNode integer(JsonParser parser) throws IOException {
        return switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
        };
    }

    private static String firstLine(String message) {
        String text = message == null ? "unreadable YAML" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }
}
