package cn.tongban.forms;

/**
 * Resident ID numbers for tests, with the check character computed here from the ISO 7064 MOD 11-2 definition
 * (weights 2^(17-i) mod 11, check value (12 - sum mod 11) mod 11, 10 written X), independently of the code under test.
 */
final class IdNumbers {

    private IdNumbers() {
    }

    static String withCheckCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int weight = 1;
            for (int k = 0; k < 17 - i; k++) {
                weight = weight * 2 % 11;
            }
            sum += (first17.charAt(i) - '0') * weight;
        }
        int check = (12 - sum % 11) % 11;
        return first17 + (check == 10 ? "X" : String.valueOf(check));
    }
}
