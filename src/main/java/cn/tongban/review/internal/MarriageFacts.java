package cn.tongban.review.internal;

import cn.tongban.forms.ResidentIdNumber;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Facts the eligibility decision needs that the couple does not state but their data shows, for the input
 * mappings of the decision task: {@code ${marriageFacts.reachesMarriageAge(applicantIdNumber, appointmentDate)}}.
 * Public because the engine's expression language calls only public types.
 */
@Component("marriageFacts")
public class MarriageFacts {

    /**
     * Whether the holder of a resident ID number has the legal marriage age on the registration day; the birth
     * date and sex are those the number encodes.
     *
     * @param registrationDate ISO date, yyyy-MM-dd
     * @throws IllegalArgumentException for a number that is not a valid resident ID number
     */
    public boolean reachesMarriageAge(String idNumber, String registrationDate) {
        LocalDate day = LocalDate.parse(registrationDate);
        ResidentIdNumber id = ResidentIdNumber.parse(idNumber, day);
        // 《民法典》第一千零四十七条: 22 for men, 20 for women, counted to the birthday itself
        int legalAge = id.gender() == ResidentIdNumber.Gender.MALE ? 22 : 20;
        return !day.isBefore(id.birthDate().plusYears(legalAge));
    }
}
