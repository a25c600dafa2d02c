package dev.muster.profile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the text of one profile file within {@link ProfileLimits#MAX_FILE_BYTES}: a directory,
 * a FIFO or device, a missing, unreadable, oversized, binary or non-UTF-8 file is a problem that
 * names the real reason and the fix, and no more than the bound is ever read.
 */
final class ProfileText {
    private ProfileText() {
    }

    /** The file's text, or empty after reporting why it cannot be a profile to {@code problems}. */
    static Optional<String> read(Path file, ProblemCollector problems) {
        Optional<String> refusal = refusal(file);
        if (refusal.isPresent()) {
            problems.add(new SourceLocation(file, 0), "", refusal.get());
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(ProfileLimits.MAX_FILE_BYTES + 1);
            Optional<String> text = decode(file, bytes, problems);
            return text;
        } catch (IOException e) {
            problems.add(new SourceLocation(file, 0), "", unreadable(e));
            return Optional.empty();
        }
    }

    /** Why {@code file} is refused before it is opened, if it is. */
    static Optional<String> refusal(Path file) {
        if (Files.isDirectory(file)) {
            return Optional.of("is a directory, not a profile file; name the YAML file inside it, such as "
                    + file.resolve("profile.yaml"));
        }
        if (!Files.exists(file)) {
            return Optional.of("file not found; check the -p path or the extends name (relative paths start at "
                    + Path.of("").toAbsolutePath() + ")");
        }
        if (!Files.isRegularFile(file)) {
            return Optional.of("is not a regular file (a FIFO, socket or device); name a YAML file");
        }
        try {
            long size = Files.size(file);
            if (size > ProfileLimits.MAX_FILE_BYTES) {
                return Optional.of(tooBig(size));
            }
        } catch (IOException e) {
            return Optional.of(unreadable(e));
        }
        return Optional.empty();
    }

    /** The message for an {@link IOException} met while reading a profile file. */
    static String unreadable(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return "cannot be read: permission denied; let muster's user read it (chmod a+r " + denied.getFile() + ")";
        }
        if (e instanceof NoSuchFileException) {
            return "file not found; check the path";
        }
        return "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                + "); check that the file exists and muster's user may read it";
    }

    private static String tooBig(long size) {
        return "is " + ProfileLimits.size(size) + ", over the limit of " + ProfileLimits.size(ProfileLimits.MAX_FILE_BYTES)
                + " for one profile file; check that it is the right file, or split it into files joined by extends";
    }

    private static Optional<String> decode(Path file, byte[] bytes, ProblemCollector problems) {
        SourceLocation whole = new SourceLocation(file, 0);
        if (bytes.length > ProfileLimits.MAX_FILE_BYTES) {
            problems.add(whole, "", tooBig(bytes.length));
            return Optional.empty();
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                problems.add(whole, "", "is a binary file (a NUL byte at offset " + i
                        + "), not YAML; check that the path names the profile");
                return Optional.empty();
            }
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            return Optional.of(utf8.decode(buffer).toString());
        } catch (CharacterCodingException e) {
            problems.add(whole, "", "is not UTF-8 text (an invalid byte near offset " + buffer.position()
                    + "); save it as UTF-8");
            return Optional.empty();
        }
    }
}
