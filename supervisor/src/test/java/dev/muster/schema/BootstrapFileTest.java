package dev.muster.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapFileTest {
    @TempDir
    Path dir;

    private BootstrapFile file(String sql) throws IOException {
        return BootstrapFile.read(Files.writeString(dir.resolve("schema.sql"), sql));
    }

    @Test
    void findsDestructiveStatementsAtTheTopLevelOnly() throws IOException {
        BootstrapFile file = file("""
                -- DROP TABLE in a comment is harmless
                DROP SCHEMA IF EXISTS core CASCADE;
                CREATE SCHEMA core;
                /* TRUNCATE here too */
                CREATE TABLE core.t (note text DEFAULT 'DROP TABLE x');
                CREATE FUNCTION core.f() RETURNS void AS $$ BEGIN TRUNCATE core.t; END; $$ LANGUAGE plpgsql;
                truncate core.t;
                """);

        assertThat(file.destructive()).extracting(SqlText.Finding::line).containsExactly(2, 7);
        assertThat(file.destructive().get(0).text()).isEqualTo("DROP SCHEMA IF EXISTS core CASCADE;");
        assertThat(file.destructiveNote()).contains("DROP SCHEMA IF EXISTS core CASCADE; at line 2 and 1 more");
        assertThat(file.unusable()).isEmpty();
        assertThat(file.sha256()).hasSize(64);
    }

    @Test
    void refusesTransactionControlAndPsqlMetaCommandsButNotPlpgsqlBodies() throws IOException {
        assertThat(file("BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;\n").unusable())
                .hasSize(2).allMatch(p -> p.contains("one transaction"));
        assertThat(file("\\connect app\nCREATE TABLE t (id int);\n").unusable())
                .singleElement().asString().contains("line 1: \\connect").contains("psql meta-command");
        assertThat(file("CREATE FUNCTION f() RETURNS int AS $body$\nBEGIN\n  RETURN 1;\nEND;\n$body$ LANGUAGE plpgsql;\n")
                .unusable()).isEmpty();
    }
}
