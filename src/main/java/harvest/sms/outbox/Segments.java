package harvest.sms.outbox;

/**
 * How many SMS parts a text takes: GSM-7 when every character is in the GSM 03.38 alphabet (160 characters,
 * 153 a part when split; extension characters count twice), otherwise UCS-2 (70, 67 a part, counted in UTF-16
 * units), which is every Chinese text.
 */
public record Segments(String encoding, int count) {
    public static final String GSM_7 = "GSM-7";
    public static final String UCS_2 = "UCS-2";

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    public static Segments of(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) >= 0) {
                septets++;
            } else if (EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                return new Segments(UCS_2, parts(text.length(), 70, 67));
            }
        }
        return new Segments(GSM_7, parts(septets, 160, 153));
    }

    private static int parts(int units, int single, int perPart) {
        return units <= single ? 1 : (units + perPart - 1) / perPart;
    }
}
