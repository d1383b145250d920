package org.reviewdesk.staff;

import java.util.List;
import java.util.Optional;
import org.reviewdesk.platform.Role;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StaffUserRepository extends JpaRepository<StaffUser, Long> {

    Optional<StaffUser> findByUsername(String username);

    boolean existsByUsername(String username);

    @Query("select distinct u from StaffUser u join u.roles r where r = :role order by u.username")
    List<StaffUser> findByRole(Role role);

    List<StaffUser> findAllByOrderByUsername();
}
