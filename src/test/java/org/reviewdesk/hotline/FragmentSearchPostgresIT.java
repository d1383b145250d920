package org.reviewdesk.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reviewdesk.EmbeddedPostgresConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** {@link FragmentSearchContract} on PostgreSQL, where V28's bigram index answers the fragment. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "reviewdesk.demo-data=false")
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
class FragmentSearchPostgresIT extends FragmentSearchContract {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theBigramsOfANameAreItsPairsOfAdjacentCharactersInLowerCase() {
        assertThat(jdbc.sql("select array_to_string(rd_name_bigrams('甪直AB'), ',')").query(String.class).single().split(","))
                .containsExactlyInAnyOrder("甪直", "直a", "ab");
        assertThat(jdbc.sql("select cardinality(rd_name_bigrams('甪'))").query(Integer.class).single()).isZero();
    }
}
