package annotations_test

import (
	"fmt"

	"stancemark/annotations"
)

func ExampleDetectLanguage() {
	fmt.Println(annotations.DetectLanguage("Die Regierung hat am Dienstag erklärt, dass sie ihre Pläne nicht ändern wird."))
	fmt.Println(annotations.DetectLanguage("政府は火曜日、計画を変更しないと発表した。"))
	fmt.Println(annotations.DetectLanguage("Lorem ipsum dolor sit amet."))
	// Output:
	// de
	// ja
	// und
}

func ExampleNormalizeLanguage() {
	tag, err := annotations.NormalizeLanguage("de_ch")
	fmt.Println(tag, err)
	_, err = annotations.NormalizeLanguage("german")
	fmt.Println(err)
	// Output:
	// de-CH <nil>
	// language "german" is not a BCP 47 tag: it must start with a language code of two or three letters, such as "de" or "de-CH"
}

func ExampleNewDocumentLang() {
	d, err := annotations.NewDocumentLang("", "他说：“我们走吧。”然后离开了。", "zh")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range d.Sentences {
		fmt.Println(s.ID, s.Start, s.End, s.Text)
	}
	// Output:
	// s1 0 10 他说：“我们走吧。”
	// s2 10 16 然后离开了。
}
