package dev.muster.platform;

/**
 * The platforms muster recognises from their environment, and what each is known to do (see
 * "Platforms as they are today" in DESIGN.md).
 */
public enum Platform {
    /** Hugging Face Spaces: {@code SPACE_ID} is set. */
    SPACES("Hugging Face Spaces"),
    /** Railway: {@code RAILWAY_ENVIRONMENT_NAME} is set. */
    RAILWAY("Railway"),
    /** Render: {@code RENDER} is set. */
    RENDER("Render"),
    /** Anything else: plain Docker's rules. */
    DOCKER("Docker");

    private final String title;

    Platform(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
