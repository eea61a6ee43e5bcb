package dev.mechanics.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, point 4: expand, then contract. The staging slot runs the new version's migrations against the
 * production database before the swap, and a swap back puts the old version on the new schema: a migration may
 * only add. A DROP or RENAME is a contract step that must come in a later release than the one that stopped using
 * what it removes, and says so in a {@code -- contract:} comment right above the statement (docs/operations.md,
 * "Database migrations: expand, then contract").
 */
class MigrationRulesTest {

    static final Path MIGRATIONS = ProjectLayout.file("domain-module/src/main/resources/db/migration");
    private static final Pattern DESTRUCTIVE = Pattern.compile("\\b(drop|rename)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * Written before the first production release, when no old version could run on the new schema; changing
     * these files now would change their Flyway checksums. Nothing may be added to this list.
     */
    static final Map<String, Integer> BEFORE_THE_FIRST_RELEASE = Map.of(
            "V11__customer_contact_encryption.sql", 3,
            "V45__credit_notes.sql", 1);

    @Test
    void everyDropOrRenameIsAMarkedContractStep() throws IOException {
        List<String> unmarked = new ArrayList<>();
        int migrations = 0;
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                migrations++;
                List<String> found = unmarkedDestructiveStatements(Files.readString(file));
                int allowed = BEFORE_THE_FIRST_RELEASE.getOrDefault(file.getFileName().toString(), 0);
                if (found.size() != allowed) {
                    found.forEach(statement -> unmarked.add(file.getFileName() + ": " + statement));
                }
            }
        }
        assertThat(migrations).isGreaterThan(10);
        assertThat(unmarked).as("DROP/RENAME without a '-- contract:' comment above it").isEmpty();
    }

    @Test
    void theRuleSeesDropsAndRenamesButNotCommentsOrMarkedContracts() {
        assertThat(unmarkedDestructiveStatements("""
                -- we never rename or drop here
                alter table customers add column nickname text;
                alter table customers rename column nickname to alias;
                alter table t
                  drop column c;
                """)).hasSize(2);
        assertThat(unmarkedDestructiveStatements("""
                -- contract: customers.fax unused since V40 (release 2026-11), which shipped before this one
                alter table customers drop column fax;
                """)).isEmpty();
        assertThat(unmarkedDestructiveStatements("create table x (note text default 'drop me');")).isEmpty();
    }

    /**
     * Statements containing DROP or RENAME outside comments and strings whose own leading comments carry no
     * {@code -- contract:} marker. Comments are taken off line by line before statements are split at ';'.
     */
    static List<String> unmarkedDestructiveStatements(String sql) {
        List<String> unmarked = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        boolean marked = false;
        for (String line : sql.split("\n", -1)) {
            String withoutStrings = line.replaceAll("'(?:[^']|'')*'", "''");
            int comment = withoutStrings.indexOf("--");
            String codePart = comment < 0 ? withoutStrings : withoutStrings.substring(0, comment);
            if (comment >= 0 && withoutStrings.substring(comment).matches("--\\s*contract:\\s*\\S.*")) {
                marked = true;
            }
            int end;
            while ((end = codePart.indexOf(';')) >= 0) {
                code.append(codePart, 0, end);
                if (DESTRUCTIVE.matcher(code).find() && !marked) {
                    unmarked.add(code.toString().strip().replaceAll("\\s+", " "));
                }
                code.setLength(0);
                marked = false;
                codePart = codePart.substring(end + 1);
            }
            code.append(codePart).append('\n');
        }
        if (DESTRUCTIVE.matcher(code).find() && !marked) {
            unmarked.add(code.toString().strip().replaceAll("\\s+", " "));
        }
        return unmarked;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
