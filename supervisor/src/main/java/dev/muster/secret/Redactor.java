package dev.muster.secret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.muster.profile.Profile;
import dev.muster.profile.ServiceSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Hides secrets in text shown to people ({@code config}, summaries, status). Sensitive are: the
 * values of env entries (the profile's and every service's) named like a declared secret or
 * containing PASSWORD, SECRET, TOKEN or KEY, and the password of any URL of the form
 * {@code scheme://user:PASSWORD@host}, and every {@code password:} of a database step or probe. Values shorter than {@value #MIN_LENGTH} characters are
 * only hidden where they stand as an env value, never inside other text. Immutable.
 */
public final class Redactor {
    /** What a hidden value becomes. */
    public static final String MASK = "******";
    static final int MIN_LENGTH = 4;
    private static final List<String> SENSITIVE_WORDS = List.of("PASSWORD", "SECRET", "TOKEN", "KEY");

    private final Set<String> secretNames;
    private final Set<String> values;
    private final SecretMatcher matcher;
    private final AsciiScreen screen;

    /** The one place where the set of values hidden inside text is chosen. */
    private Redactor(Set<String> secretNames, Set<String> values) {
        this.secretNames = Set.copyOf(secretNames);
        this.values = values.stream().filter(v -> v.length() >= MIN_LENGTH)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.matcher = new SecretMatcher(this.values);
        this.screen = new AsciiScreen(this.values);
    }

    /** A redactor that hides only URL passwords, until {@link #including} adds values. */
    public static Redactor none() {
        return new Redactor(Set.of(), Set.of());
    }

    /** A redactor for {@code profile}'s secrets. */
    public static Redactor forProfile(Profile profile) {
        Set<String> names = profile.secrets().keySet();
        Set<String> values = new LinkedHashSet<>();
        collect(profile.env(), names, values);
        for (ServiceSpec service : profile.services().values()) {
            collect(service.env(), names, values);
            DatabasePasswords.of(service).forEach(values::add);
        }
        values.removeIf(value -> !SecretStrength.maskable(value));
        return new Redactor(names, values);
    }

    /**
     * This redactor plus the sensitive values of {@code env} (for example the environment a child
     * inherits from muster, which the profile does not list).
     */
    public Redactor including(Map<String, String> env) {
        Set<String> more = new LinkedHashSet<>(values);
        collect(env, secretNames, more);
        return more.equals(values) ? this : new Redactor(secretNames, more);
    }

    /**
     * {@code text} with every sensitive value and URL password replaced by {@link #MASK}; where
     * secrets overlap or touch, one mask covers them all. Linear in the length of {@code text}.
     */
    public String redact(String text) {
        if (matcher.stateIfClean(text) >= 0 && text.indexOf("://") < 0) {
            return text;
        }
        return redactPart(Pending.NONE, text, true).shown();
    }

    /**
     * Whether a line given as plain ASCII bytes (every byte below 0x80, so the bytes are its
     * characters) surely needs no mask: then {@link #redact(String)} of its text returns it unchanged
     * and the bytes may be shown as they are. False means only "maybe": redact the decoded text.
     * Reads only a fraction of the bytes of a line without secrets (see {@link AsciiScreen}).
     */
    public boolean isCleanAscii(byte[] bytes, int from, int to) {
        return screen.clean(bytes, from, to);
    }

    /**
     * Redacts one piece of a line too long to hold at once, as the continuation of what an earlier
     * piece left {@code pending}. A secret cut in two by the split is still hidden: the shortest end
     * of the text that could still grow into a secret is held back for the next piece (at most the
     * longest secret's length). With {@code last}, everything is shown.
     */
    public Split redactPart(Pending pending, String piece, boolean last) {
        if (pending.text().isEmpty() && pending.masked() == 0 && piece.indexOf("://") < 0) {
            int state = matcher.stateIfClean(piece);
            if (state >= 0 && (last || matcher.depth(state) == 0)) {
                return new Split(piece, Pending.NONE);
            }
        }
        String text = pending.text().isEmpty() ? piece : pending.text() + piece;
        MaskedRanges ranges = new MaskedRanges();
        ranges.add(0, Math.min(pending.masked(), text.length()));
        int state = matcher.isEmpty() ? SecretMatcher.ROOT
                : matcher.scan(text, 0, text.length(), SecretMatcher.ROOT, (end, length) -> ranges.add(end - length, end));
        if (text.indexOf("://") >= 0) {
            UrlPasswords.find(text, ranges::add);
        }
        int cut = last ? text.length() : text.length() - matcher.depth(state);
        if (ranges.isEmpty() && cut == text.length()) {
            return new Split(text, Pending.NONE);
        }
        String shown = ranges.render(text, cut, MASK);
        return new Split(shown, new Pending(text.substring(cut), Math.max(0, ranges.lastEnd() - cut)));
    }

    /** A copy of {@code tree} in which sensitive env values are masked and every other string is redacted. */
    public JsonNode redact(JsonNode tree) {
        JsonNode copy = tree.deepCopy();
        redactInPlace(copy);
        return copy;
    }

    /** Whether a variable of this name holds a secret. */
    public boolean isSensitiveName(String name) {
        return isSensitive(name, secretNames);
    }

    private static boolean isSensitive(String name, Set<String> secretNames) {
        String upper = name.toUpperCase(Locale.ROOT);
        return secretNames.contains(name) || SENSITIVE_WORDS.stream().anyMatch(upper::contains);
    }

    private void redactInPlace(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (field.getKey().equals("env") && field.getValue() instanceof ObjectNode env) {
                    maskEnv(env);
                } else if (field.getKey().equals("password") && field.getValue().isValueNode()) {
                    field.setValue(TextNode.valueOf(MASK));
                } else if (field.getValue().isTextual()) {
                    field.setValue(TextNode.valueOf(redact(field.getValue().textValue())));
                } else {
                    redactInPlace(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(redact(array.get(i).textValue())));
                } else {
                    redactInPlace(array.get(i));
                }
            }
        }
    }

    private void maskEnv(ObjectNode env) {
        for (Map.Entry<String, JsonNode> entry : env.properties()) {
            if (isSensitiveName(entry.getKey()) && entry.getValue().isValueNode() && !entry.getValue().isNull()) {
                entry.setValue(TextNode.valueOf(MASK));
            } else if (entry.getValue().isTextual()) {
                entry.setValue(TextNode.valueOf(redact(entry.getValue().textValue())));
            }
        }
    }

    private static void collect(Map<String, String> env, Set<String> secretNames, Set<String> values) {
        env.forEach((name, value) -> {
            if (isSensitive(name, secretNames)) {
                values.add(value);
            }
            UrlPasswords.find(value, (start, end) -> values.add(value.substring(start, end)));
        });
    }

    /**
     * The end of a split line not shown yet.
     *
     * @param text   raw text held back, because it could be the start of a secret
     * @param masked how many of its first characters are already known to be secret
     */
    public record Pending(String text, int masked) {
        /** Nothing held back. */
        public static final Pending NONE = new Pending("", 0);
    }

    /**
     * What {@link #redactPart} made of a piece.
     *
     * @param shown   redacted text that may be shown now
     * @param pending what to pass with the next piece of the same line
     */
    public record Split(String shown, Pending pending) {
    }
}
