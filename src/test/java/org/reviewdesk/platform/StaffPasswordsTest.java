package org.reviewdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

class StaffPasswordsTest {

    /** The application's encoder, counting what it is asked to do. */
    private static final class CountingEncoder implements PasswordEncoder {
        final PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        final AtomicInteger encodings = new AtomicInteger();
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            encodings.incrementAndGet();
            return real.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return real.matches(raw, encoded);
        }
    }

    private final CountingEncoder encoder = new CountingEncoder();
    private final StaffPasswords passwords = new StaffPasswords(new InMemoryUserDetailsManager(
            User.withUsername("reviewer").password(encoder.real.encode("Secret-2026")).roles("REVIEWER").build()), encoder);

    @Test
    void afterTheWarmUpTenSimultaneousFirstSignInsEncodeNothingAndCheckOncePerSignIn() throws Exception {
        passwords.warmUp();
        assertThat(encoder.encodings).as("the stand-in hash, made once").hasValue(1);
        assertThat(encoder.checks).as("bcrypt ran as for an unknown name").hasValue(1);

        CyclicBarrier together = new CyclicBarrier(10);
        List<CompletableFuture<Boolean>> signIns = IntStream.range(0, 10).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            try {
                together.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return passwords.provider().authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                    i % 2 == 0 ? "reviewer" : "nobody", "Secret-2026")).isAuthenticated();
        }).exceptionally(failed -> false)).toList();
        assertThat(signIns.stream().map(CompletableFuture::join).filter(signedIn -> signedIn)).as("the reviewer's five").hasSize(5);

        assertThat(encoder.encodings).as("no sign-in made the stand-in hash again").hasValue(1);
        assertThat(encoder.checks).hasValue(11);
    }

    @Test
    void withoutTheWarmUpTheFirstSignInMakesTheStandInHash() {
        assertThatThrownBy(() -> passwords.provider().authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("nobody", "Secret-2026")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.encodings).hasValue(1);
    }

    @Test
    void theWarmUpsNameIsNoUsernameAnAccountCanHave() {
        assertThat(StaffUsernames.isValid(StaffUsernames.normalise(StaffPasswords.NO_SUCH_USER))).isFalse();
    }
}
