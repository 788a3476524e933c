package io.gatepass.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Looks for secrets a test used in the files a server wrote: logs, store, vault. Each file is read
 * as Latin-1 (one char a byte, so binary files and any encoding of ASCII secrets match) and as
 * UTF-8 (for secrets with other characters).
 */
final class SecretScan {

    private SecretScan() {
    }

    /**
     * @param home where the paths of the findings are relative to
     * @param folders the folders to search, below which every regular file is read
     * @param secrets what must not be found
     * @return "file: first 8 characters..." for every secret found in a file
     */
    static List<String> findings(Path home, Collection<Path> folders, Collection<String> secrets) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    byte[] bytes = Files.readAllBytes(file);
                    String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
                    String utf8 = new String(bytes, StandardCharsets.UTF_8);
                    secrets.stream().filter(secret -> latin1.contains(secret) || utf8.contains(secret))
                        .forEach(secret -> found.add(home.relativize(file) + ": "
                            + secret.substring(0, Math.min(8, secret.length())) + "..."));
                }
            }
        }
        return found;
    }
}
