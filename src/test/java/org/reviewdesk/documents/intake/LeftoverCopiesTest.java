package org.reviewdesk.documents.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoverCopiesTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    @TempDir
    Path folder;

    @Test
    void deletesOnlyTheIntakesOwnCopiesLeftBehind() throws Exception {
        Path leftover1 = copy("reviewdesk-upload-111.bin", NOW.minus(Duration.ofHours(3)));
        Path leftover2 = copy("reviewdesk-upload-222.bin", NOW.minus(LeftoverCopies.IN_USE).minusSeconds(1));
        Path inUse = copy("reviewdesk-upload-333.bin", NOW.minusSeconds(5));
        Path someoneElses = copy("other-upload-444.bin", NOW.minus(Duration.ofDays(2)));
        Path otherEnding = copy("reviewdesk-upload-555.tmp", NOW.minus(Duration.ofDays(2)));
        Path folderNamedLikeACopy = Files.createDirectory(folder.resolve("reviewdesk-upload-666.bin"));

        int swept = new LeftoverCopies(folder, Clock.fixed(NOW, ZoneOffset.UTC)).sweep();

        assertThat(swept).isEqualTo(2);
        assertThat(leftover1).doesNotExist();
        assertThat(leftover2).doesNotExist();
        assertThat(inUse).exists();
        assertThat(someoneElses).exists();
        assertThat(otherEnding).exists();
        assertThat(folderNamedLikeACopy).isDirectory();
    }

    @Test
    void aMissingFolderSweepsNothing() {
        assertThat(new LeftoverCopies(folder.resolve("gone"), Clock.systemUTC()).sweep()).isZero();
    }

    private Path copy(String name, Instant modified) throws Exception {
        Path file = Files.write(folder.resolve(name), new byte[] {42});
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
