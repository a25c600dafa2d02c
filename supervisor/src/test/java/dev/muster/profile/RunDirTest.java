package dev.muster.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunDirTest {
    private final ControlSpec defaults = ControlSpec.defaults();

    @Test
    void twoStacksWithOneNameGetTwoRunDirectories() {
        Path shop = defaults.runDirFor("demo", Path.of("/srv/shop/profile.yaml"));
        Path blog = defaults.runDirFor("demo", Path.of("/srv/blog/profile.yaml"));

        assertThat(shop).isNotEqualTo(blog);
        assertThat(shop.getParent()).isEqualTo(ControlSpec.runRoot());
        assertThat(shop.getFileName().toString()).matches("demo-[0-9a-f]{8}");
    }

    @Test
    void oneProfileKeepsItsRunDirectoryHoweverItIsNamed() {
        Path absolute = Path.of("/srv/shop/profile.yaml");

        assertThat(defaults.runDirFor("demo", Path.of("/srv/shop/./conf/../profile.yaml")))
                .isEqualTo(defaults.runDirFor("demo", absolute));
    }
}
