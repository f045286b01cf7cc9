#!/usr/bin/env python3
"""names.py N SEED — N elders with realistic Chinese names, as a member-import
CSV (server/README.md: id,card_no,phone,name,birth_date,category,delivery_eligible).

A name is a surname (about a hundred common ones, a few of two characters:
欧阳, 司马, 上官, 诸葛) and one or two given-name characters drawn from the
3,755 characters of GB2312's first level (the common characters), with a
skewed choice so that some characters are common and most are rare, as in
a real register. The demo district's own names use 128 distinct characters;
a day of these uses thousands."""
import random
import sys

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
            "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
COMPOUND = ["欧阳", "司马", "上官", "诸葛", "司徒", "慕容"]


def common_characters():
    out = []
    for row in range(0xB0, 0xD8):  # GB2312 level 1: rows 16-55
        for col in range(0xA1, 0xFF):
            try:
                out.append(bytes([row, col]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return out


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 13)
    chars = common_characters()
    rng.shuffle(chars)
    # Zipf-like: the k-th character is chosen about 1/(k+30) as often.
    weights = [1.0 / (k + 30) for k in range(len(chars))]
    print("id,card_no,phone,name,birth_date,category,delivery_eligible")
    for i in range(n):
        surname = rng.choice(COMPOUND) if rng.random() < 0.03 else rng.choice(SURNAMES)
        given = "".join(rng.choices(chars, weights, k=1 if rng.random() < 0.25 else 2))
        born = f"{rng.randint(1930, 1965)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        print(f"m-day{i:05d},77{i:08d},1370{i:07d},{surname}{given},{born},age70,0")


if __name__ == "__main__":
    main()
