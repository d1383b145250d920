package org.reviewdesk.staff;

import java.util.List;
import java.util.Optional;
import org.reviewdesk.platform.Role;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StaffUserRepository extends JpaRepository<StaffUser, Long> {

    /**
     * Written out rather than derived: Hibernate 6.6 translates a derived (criteria) query again on every
     * call, and this one runs on every inbox question and sign-in; the roles come in the same statement.
     */
    @Query("select u from StaffUser u left join fetch u.roles where u.username = :username")
    Optional<StaffUser> findByUsername(String username);

    boolean existsByUsername(String username);

    @Query("select distinct u from StaffUser u join u.roles r where r = :role order by u.username")
    List<StaffUser> findByRole(Role role);

    List<StaffUser> findAllByOrderByUsername();
}
