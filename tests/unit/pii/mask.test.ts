import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { maskBankAccount, maskIdNumber, maskName, maskPhone } from "@/lib/pii/mask";

const digit = fc.constantFrom(..."0123456789".split(""));
const digits = (min: number, max = min) => fc.string({ unit: digit, minLength: min, maxLength: max });
const hanzi = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));

describe("null and undefined", () => {
  it("every mask returns an empty string", () => {
    for (const mask of [maskName, maskPhone, maskIdNumber, maskBankAccount]) {
      expect(mask(null)).toBe("");
      expect(mask(undefined)).toBe("");
      expect(mask("")).toBe("");
    }
  });
});

describe("maskName", () => {
  it("keeps the first and last character", () => {
    expect(maskName("张三明")).toBe("张*明");
    expect(maskName("李四")).toBe("李*");
    expect(maskName("王")).toBe("王");
    expect(maskName("欧阳修远")).toBe("欧**远");
    expect(maskName(" 张三明 ")).toBe("张*明");
    expect(maskName("阿卜杜·热合曼")).toBe("阿*****曼");
  });

  it("counts characters outside the BMP as one", () => {
    expect(maskName("𠮷田")).toBe("𠮷*");
    expect(maskName("王𠮷明")).toBe("王*明");
  });

  it("property: reveals only the first and last character, one * per hidden character", () => {
    fc.assert(
      fc.property(fc.array(hanzi, { minLength: 3, maxLength: 8 }), (chars) => {
        const masked = Array.from(maskName(chars.join("")));
        expect(masked).toHaveLength(chars.length);
        expect(masked[0]).toBe(chars[0]);
        expect(masked[masked.length - 1]).toBe(chars[chars.length - 1]);
        expect(masked.slice(1, -1).every((c) => c === "*")).toBe(true);
      }),
    );
  });
});

describe("maskPhone", () => {
  it("masks mobiles and other lengths", () => {
    expect(maskPhone("13812341234")).toBe("138****1234");
    expect(maskPhone("138 1234 1234")).toBe("138****1234");
    expect(maskPhone("+85261234567")).toBe("+85*****4567");
    expect(maskPhone("02087654321")).toBe("020****4321");
    expect(maskPhone("87654321")).toBe("876*4321");
    expect(maskPhone("8765432")).toBe("*****32");
    expect(maskPhone("110")).toBe("*10");
    expect(maskPhone("12")).toBe("**");
    expect(maskPhone("1")).toBe("*");
  });

  it("property: random 11-digit phones show exactly the first 3 and last 4 digits", () => {
    fc.assert(
      fc.property(digits(11), (phone) => {
        const masked = maskPhone(phone);
        expect(masked).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
        expect(masked.replace(/\*/g, "")).toBe(phone.slice(0, 3) + phone.slice(7));
        expect(masked.slice(3, 7)).toBe("****");
      }),
    );
  });

  it("property: never reveals more than 7 digits, nor a whole short number", () => {
    fc.assert(
      fc.property(digits(1, 20), (phone) => {
        const masked = maskPhone(phone);
        const shown = masked.replace(/\*/g, "").length;
        expect(masked).toHaveLength(phone.length);
        expect(shown).toBeLessThanOrEqual(7);
        expect(shown).toBeLessThan(phone.length);
      }),
    );
  });
});

describe("maskIdNumber", () => {
  it("keeps the first and last 4 characters", () => {
    expect(maskIdNumber("44010619900307123X")).toBe("4401**********123X");
    expect(maskIdNumber("44010619900307123x")).toBe("4401**********123X");
    expect(maskIdNumber("110105491231002")).toBe("1101*******1002");
    expect(maskIdNumber("12345678")).toBe("********");
  });

  it("property: exactly 8 of 18 characters are revealed, in place", () => {
    fc.assert(
      fc.property(digits(17), fc.constantFrom(..."0123456789X".split("")), (first17, check) => {
        const id = first17 + check;
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(18);
        expect(masked.slice(0, 4)).toBe(id.slice(0, 4));
        expect(masked.slice(4, 14)).toBe("*".repeat(10));
        expect(masked.slice(14)).toBe(id.slice(14));
      }),
    );
  });
});

describe("maskBankAccount", () => {
  it("shows only the last four digits", () => {
    expect(maskBankAccount("6222021234567891234")).toBe("****1234");
    expect(maskBankAccount("6222 0212 3456 7891 234")).toBe("****1234");
    expect(maskBankAccount("44050146080100000123")).toBe("****0123");
    expect(maskBankAccount("12345678")).toBe("****5678");
    expect(maskBankAccount("1234567")).toBe("****");
  });

  it("property: at most the last 4 digits appear and the length is hidden", () => {
    fc.assert(
      fc.property(digits(8, 30), (account) => {
        const masked = maskBankAccount(account);
        expect(masked).toBe(`****${account.slice(-4)}`);
        expect(masked.replace(/\*/g, "")).toHaveLength(4);
      }),
    );
  });
});
