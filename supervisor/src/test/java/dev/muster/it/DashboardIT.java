package dev.muster.it;

import static dev.muster.it.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real headless Chromium against a real {@code muster up}: the services table
 * lists every service and follows a state change live, without a reload. Leaves a screenshot in
 * the build directory ({@code dashboard-*.png}).
 */
class DashboardIT {
    private static final Duration BOOT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void servicesTableShowsEveryServiceAndFollowsStateChangesLive() throws Exception {
        Path chromium = Chromium.binary().orElse(null);
        assumeTrue(chromium != null, "chromium is not installed; run scripts/install-deps");
        Path gate = dir.resolve("gate.open");
        Path profile = ControlPlaneIT.gatedProfile(dir, gate, "127.0.0.1:0", "");
        Path artifacts = MusterRun.jar().getParent();

        try (MusterRun up = MusterRun.up(profile, Map.of())) {
            ControlHttp control = ControlHttp.of(up);
            up.awaitLine(line("gate") + "started, pid", BOOT);
            try (Chromium browser = Chromium.open(chromium, control.base() + "/", dir.resolve("chromium-profile"))) {
                await().atMost(BOOT).untilAsserted(() -> assertThat(browser.eval(
                        "Array.from(document.querySelectorAll('#services tbody tr')).map(r => r.dataset.service).join(',')"))
                        .isEqualTo("gate,app"));
                assertThat(state(browser, "gate")).isEqualTo("starting");
                assertThat(state(browser, "app")).isEqualTo("waiting");
                assertThat(browser.eval("document.getElementById('health').textContent")).isEqualTo("booting");
                browser.eval("window.__loadedOnce = true");
                browser.screenshot(artifacts.resolve("dashboard-booting.png"));

                Files.createFile(gate);

                await().atMost(BOOT).untilAsserted(() -> {
                    assertThat(state(browser, "gate")).isEqualTo("ready");
                    assertThat(state(browser, "app")).isEqualTo("ready");
                    assertThat(browser.eval("document.getElementById('health').textContent")).isEqualTo("ready");
                });
                assertThat(browser.eval("String(window.__loadedOnce)")).as("updated without a reload").isEqualTo("true");
                assertThat(browser.eval("document.querySelectorAll('#timeline .bar.critical').length")).isEqualTo("2");
                await().atMost(BOOT).untilAsserted(() -> assertThat(
                        browser.eval("document.querySelector('.log[data-service=\"app\"] pre').textContent"))
                        .contains("app up"));
                assertThat(browser.eval("document.body.innerText")).doesNotContain(ControlPlaneIT.PASSWORD);
                browser.screenshot(artifacts.resolve("dashboard-ready.png"));
            }
        }
        assertThat(artifacts.resolve("dashboard-ready.png")).isNotEmptyFile();
    }

    private static String state(Chromium browser, String service) {
        return browser.eval("(document.querySelector('tr[data-service=\"" + service + "\"] .state') || {}).textContent");
    }
}
