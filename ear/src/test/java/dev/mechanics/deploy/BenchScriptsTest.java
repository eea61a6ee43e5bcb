package dev.mechanics.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * bench/api-load.sh runs a copy of the built server. Liberty 26 has no default LTPA keys password: a server.env
 * without the keystore_password/ltpa_keys_password the Liberty plugin generated makes its LTPA service fail
 * (CWWKS4118E) and MicroProfile JWT then authenticates no token, so every signed-in call answers 401 while
 * sign-in works. The script must add its settings to the built server.env, never write over it.
 */
class BenchScriptsTest {

    /** A plain {@code >} redirect (not {@code >>}) into server.env or $ENV_FILE itself. */
    private static final Pattern OVERWRITES_SERVER_ENV =
            Pattern.compile("(^|[^>])>\\s*\"?(\\$ENV_FILE|\\$\\{ENV_FILE}|[^\"\\s]*/server\\.env)\"?(\\s|$)");

    @Test
    void apiLoadKeepsTheGeneratedKeystoreAndLtpaPasswords() throws IOException {
        List<String> lines = Files.readAllLines(ProjectLayout.file("bench/api-load.sh"));

        assertThat(lines).as("server.env written over").noneMatch(line -> OVERWRITES_SERVER_ENV.matcher(line).find());
        assertThat(lines).as("the bench settings appended to the built server.env")
                .anyMatch(line -> line.contains("cat >>\"$ENV_FILE\""));
        assertThat(lines).as("stops when the build left no keystore/LTPA password")
                .anyMatch(line -> line.contains("keystore_password|ltpa_keys_password") && line.contains("$ENV_FILE"));
    }

    @Test
    void theCheckWouldHaveCaughtTheOldScript() {
        assertThat(OVERWRITES_SERVER_ENV.matcher("cat >\"$WORK/usr/servers/mechanics/server.env\" <<EOF").find())
                .isTrue();
        assertThat(OVERWRITES_SERVER_ENV.matcher("cat >>\"$ENV_FILE\" <<EOF").find()).isFalse();
        assertThat(OVERWRITES_SERVER_ENV.matcher("grep -v x \"$ENV_FILE\" >\"$ENV_FILE.tmp\" || true").find()).isFalse();
    }
}
