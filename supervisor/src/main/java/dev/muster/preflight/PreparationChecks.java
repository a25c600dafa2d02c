package dev.muster.preflight;

import dev.muster.process.UserId;
import dev.muster.process.Users;
import dev.muster.profile.DirectorySpec;
import dev.muster.profile.FileSpec;
import dev.muster.profile.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks what preparation will need: every {@code files[].template} exists, and every {@code owner:}
 * of {@code directories:} and {@code files:} exists when muster runs as root and so will apply
 * them. As another user ownership is not applied (muster says so once, elsewhere), so an unknown
 * owner is no problem there.
 */
final class PreparationChecks {
    private final Users users;
    private final UserId self;

    PreparationChecks(Users users, UserId self) {
        this.users = users;
        this.self = self;
    }

    void check(Profile profile, List<String> problems) {
        for (int i = 0; i < profile.files().size(); i++) {
            Path template = profile.files().get(i).template();
            if (template != null && !Files.isRegularFile(template)) {
                problems.add("files[" + i + "].template: " + template + " does not exist (it renders "
                        + profile.files().get(i).path() + "); add it to the image, or fix template:");
            }
        }
        if (self.uid() != 0) {
            return;
        }
        for (int i = 0; i < profile.directories().size(); i++) {
            DirectorySpec directory = profile.directories().get(i);
            check("directories[" + i + "].owner", directory.owner(), directory.path().toString(), problems);
        }
        for (int i = 0; i < profile.files().size(); i++) {
            FileSpec file = profile.files().get(i);
            check("files[" + i + "].owner", file.owner(), file.path().toString(), problems);
        }
    }

    private void check(String key, String owner, String path, List<String> problems) {
        if (owner != null && users.find(owner).isEmpty()) {
            problems.add(key + ": user \"" + owner + "\" (owner of " + path + ") does not exist on this machine; create"
                    + " it in the image (useradd " + owner.replaceAll(":.*", "") + ") or fix owner:");
        }
    }
}
