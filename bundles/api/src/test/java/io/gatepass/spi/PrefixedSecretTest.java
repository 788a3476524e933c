package io.gatepass.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PrefixedSecretTest {

    @Test
    void aSecretHasItsPrefix256RandomBitsAndAChecksum() {
        char[] secret = PrefixedSecret.generate("gpat_");

        assertThat(new String(secret)).matches("gpat_[A-Za-z0-9_-]{43}[0-9A-Za-z]{6}");
        assertThat(PrefixedSecret.isWellFormed("gpat_", secret)).isTrue();
    }

    @Test
    void secretsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(new String(PrefixedSecret.generate("gpat_")));
        }

        assertThat(seen).hasSize(1000);
    }

    @Test
    void everySingleCharacterChangeIsCaughtByTheChecksumOrTheAlphabet() {
        char[] secret = PrefixedSecret.generate("gpat_");

        for (int i = 0; i < secret.length; i++) {
            char[] typo = secret.clone();
            typo[i] = typo[i] == 'x' ? 'y' : 'x';
            assertThat(PrefixedSecret.isWellFormed("gpat_", typo)).as("change at %d", i).isFalse();
        }
    }

    @Test
    void aSecretOfAnotherKindIsNotWellFormed() {
        char[] refresh = PrefixedSecret.generate("gprt_");

        assertThat(PrefixedSecret.isWellFormed("gpat_", refresh)).isFalse();
    }

    @Test
    void truncatedOrPaddedSecretsAreNotWellFormed() {
        String secret = new String(PrefixedSecret.generate("gpat_"));

        assertThat(PrefixedSecret.isWellFormed("gpat_", secret.substring(1).toCharArray())).isFalse();
        assertThat(PrefixedSecret.isWellFormed("gpat_", (secret + "A").toCharArray())).isFalse();
        assertThat(PrefixedSecret.isWellFormed("gpat_", (char[]) null)).isFalse();
    }

    @Test
    void theCheckOnATextAgreesWithTheCheckOnCharacters() {
        String secret = new String(PrefixedSecret.generate("gpat_"));

        assertThat(PrefixedSecret.isWellFormed("gpat_", secret)).isTrue();
        assertThat(PrefixedSecret.isWellFormed("gpat_", secret.replace(secret.charAt(20), '~'))).isFalse();
        assertThat(PrefixedSecret.isWellFormed("gpat_", (CharSequence) null)).isFalse();
    }

    @Test
    void theChecksumIsTheStandardCrc32() {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        String secret = new String(PrefixedSecret.generate("gpcs_"));
        crc.update(secret.substring(0, 48).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        long value = crc.getValue();
        StringBuilder expected = new StringBuilder();
        String base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        for (int i = 0; i < 6; i++) {
            expected.insert(0, base62.charAt((int) (value % 62)));
            value /= 62;
        }

        assertThat(secret.substring(48)).isEqualTo(expected.toString());
    }

    @Test
    void theOnePassCheckCopiesTheBytesOfAWellFormedSecretAndRefusesWhatTheCheckRefuses() {
        String secret = new String(PrefixedSecret.generate("gpat_"));
        byte[] buffer = new byte[64];
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();

        assertThat(PrefixedSecret.copyIfWellFormed("gpat_", secret, buffer, crc)).isEqualTo(secret.length())
            .isEqualTo(PrefixedSecret.length("gpat_"));
        assertThat(java.util.Arrays.copyOf(buffer, secret.length()))
            .isEqualTo(secret.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (int i = 0; i < secret.length(); i++) {
            for (char replacement : new char[] {'A', 'z', '9', '-', '\u00e9', '\u0000', '\u4e00'}) {
                if (secret.charAt(i) == replacement) {
                    continue;
                }
                String changed = secret.substring(0, i) + replacement + secret.substring(i + 1);
                assertThat(PrefixedSecret.copyIfWellFormed("gpat_", changed, buffer, crc))
                    .as("changed at %d", i).isEqualTo(PrefixedSecret.isWellFormed("gpat_", changed) ? 54 : -1)
                    .isEqualTo(-1);
            }
        }
        assertThat(PrefixedSecret.copyIfWellFormed("gpat_", secret, new byte[10], crc)).isEqualTo(-1);
        char last = secret.charAt(secret.length() - 1);
        String wrongChecksum = secret.substring(0, secret.length() - 1) + (last == 'a' ? 'b' : 'a');
        assertThat(PrefixedSecret.copyIfShaped("gpat_", wrongChecksum, buffer)).as("shape only").isEqualTo(54);
        assertThat(PrefixedSecret.copyIfWellFormed("gpat_", wrongChecksum, buffer, crc)).isEqualTo(-1);
        assertThat(PrefixedSecret.copyIfShaped("gpat_", secret.replace(secret.charAt(50), '!'), buffer))
            .as("a checksum character outside base62").isEqualTo(-1);
        assertThat(PrefixedSecret.copyIfWellFormed("gpat_", null, buffer, crc)).isEqualTo(-1);
    }

    @Test
    void aHashMatchesOnlyItsSecretAndSalt() {
        char[] secret = PrefixedSecret.generate("gpcs_");
        byte[] salt = PrefixedSecret.randomBytes(16);
        byte[] hash = PrefixedSecret.hash(salt, secret);

        assertThat(PrefixedSecret.matches(salt, hash, secret)).isTrue();
        assertThat(PrefixedSecret.matches(PrefixedSecret.randomBytes(16), hash, secret)).isFalse();
        assertThat(PrefixedSecret.matches(salt, hash, PrefixedSecret.generate("gpcs_"))).isFalse();
    }
}
