package dev.muster.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Reads the version Maven wrote into {@code muster.properties}. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/muster.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {"muster " + properties.getProperty("version", "unknown")
                + " (Java " + Runtime.version() + ")"};
    }
}
