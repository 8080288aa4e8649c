// Hand-made word lists for the people rules: titles and roles, organisation/place words, name particles and
// name-bearing surnames that the generated lexicon lacks. Everything is lower case; look-ups use Sets (WordLists for
// the large generated lists).
import { commonWords, demonyms, givenNames, organisations, places, surnames } from '../data/lexicon.generated';
import { WordList } from './wordlist';

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));
/** The generated lists are sorted and separated by single spaces: searched in place (see WordList). */
const generatedWords = (s: string): WordList => new WordList(s);
const phrases = (s: string): Set<string> => new Set(s.split('|'));

export const GIVEN_NAMES = generatedWords(givenNames);
export const SURNAMES = generatedWords(surnames);
export const PLACES = phrases(places);
/**
 * Well-known firms named after people, as the run scanner writes them (lower case, one space between words). The
 * generated organisation list has many such names already ("goldman sachs", "dow jones"); these are the ones it
 * lacks. Firms joined by "&" ("Ernst & Young") are found by the "&" itself.
 */
export const FIRMS_NAMED_AFTER_PEOPLE = phrases(
  'morgan stanley|merrill lynch|lehman brothers|bear stearns|charles schwab|smith barney|jp morgan|j.p. morgan|' +
  'salomon brothers|dean witter|kohlberg kravis roberts|cantor fitzgerald|raymond james|edward jones|' +
  'rolls-royce|mercedes-benz|hewlett-packard|harley-davidson|price waterhouse|baker mckenzie');

export const ORGANISATIONS = new Set([...phrases(organisations), ...FIRMS_NAMED_AFTER_PEOPLE]);
export const DEMONYMS = generatedWords(demonyms);

/** Words written before a name that say the bearer is a person: they are evidence, never part of the span. */
export const PERSON_TITLES = words(`
  mr mrs ms miss mx dr prof professor sir dame lord lady madam madame monsieur mme mlle herr frau
  president vice-president premier chancellor minister secretary undersecretary under-secretary ambassador envoy
  senator sen rep representative congressman congresswoman governor gov mayor councillor councilor alderman mp mep pm vp
  judge justice magistrate prosecutor attorney sheriff commissioner inspector detective officer constable
  general gen admiral adm colonel col lieutenant lt captain capt major maj sergeant sgt corporal cpl private pvt marshal brigadier commander cmdr
  king queen prince princess emperor empress sultan emir sheikh shaikh duke duchess earl baron baroness countess
  pope cardinal archbishop bishop reverend rev father pastor rabbi imam ayatollah mullah lama monk saint st
  chairman chairwoman chairperson ceo cfo coo cto founder co-founder director dean provost rector
  spokesman spokeswoman spokesperson coach manager goalkeeper striker midfielder defender referee skipper
  dr. mr. mrs. ms. prof. gen. sen. rep. gov. lt. col. capt. sgt. rev. st. maj. cpl. pvt. adm. cmdr.
  doctor nurse professor lecturer researcher economist analyst scientist author novelist poet journalist
  correspondent reporter editor columnist photographer artist actor actress singer rapper musician comedian
  cosplayer illustrator designer presenter activist lawyer barrister solicitor
  president-elect uncle aunt grandma grandpa
`);

/** Capitalised words that often precede a name inside a role phrase ("Foreign Affairs Wang Yi") and are not names. */
export const ROLE_WORDS = words(`
  foreign affairs state defence defense interior home finance treasury trade commerce education health justice
  culture labour labor energy environment agriculture transport transportation security intelligence internal
  external economic economy public national federal regional provincial municipal general prime chief executive
  deputy vice assistant associate acting former ex senior junior first second third permanent principal special
  supreme high grand royal honorary emeritus elder late young speaker leader interim incumbent crown chair
`);

/** Last words of organisation, place and publication names: a run ending so is a thing, not a person. */
export const THING_SUFFIXES = words(`
  ministry department office bureau agency administration authority commission committee council board assembly
  parliament congress senate cabinet government court tribunal police army navy corps force forces guard
  university college school academy institute institution centre center foundation fund trust association society
  union federation league alliance coalition party movement front group organisation organization club team
  company corporation corp co inc ltd llc plc bank exchange holdings partners industries motors airlines airways
  capital securities investments associates brothers bros sons llp lp gmbh ag ratings
  systems technologies labs laboratory laboratories studios media network press news post times journal herald
  tribune gazette telegraph chronicle daily weekly magazine review
  channel radio tv television broadcasting
  street st road rd avenue ave boulevard blvd square plaza bridge tower towers building palace
  station airport port harbour harbor stadium arena garden gardens museum gallery library theatre
  theater cathedral mosque memorial monument hospital clinic prison hotel
  sea ocean river lake bay gulf strait straits island islands mountain mountains mount valley desert peninsula
  coast province county district region city town village state states republic kingdom empire emirates
  programme program project initiative policy studies summit conference forum games cup championship
  festival olympics olympiad expo fair show series wiki
  prize award awards treaty accord act doctrine plan
`);

/** Words that, anywhere in a capitalised run, make it the name of an organisation or institution. */
export const THING_WORDS = words(`
  ministry department university college institute foundation association council committee commission agency
  party bank corporation company centre center
  instituto institut universidad universidade università universität banco banque compagnie ministerio
`);

/** Lower-case nouns after a name that make it a modifier of a thing named after the person ("the Trump administration"). */
export const ATTRIBUTIVE_HEADS = words(`
  administration government regime presidency cabinet era doctrine dynasty camp campaign foundation family
  estate institute center centre memorial prize award presidential index
`);

/**
 * Last words of company names: a run ending so names a firm, and the words before them ("Goldman Sachs" of
 * "Goldman Sachs Group Inc") name it too elsewhere in the article.
 */
export const CORPORATE_SUFFIXES = words(`
  inc inc. ltd ltd. llc corp corp. co co. plc group holdings partners capital securities investments associates
  brothers bros bros. sons llp lp gmbh ag ratings company corporation bank
`);

/** Lower-case nouns after a run that make it a firm: "Morgan Stanley analysts", "a Lazard banker". */
export const FIRM_HEADS = words(`
  analyst analysts economist economists strategist strategists banker bankers trader traders broker brokers
  shareholders stockholders
`);

/** People who work somewhere: "an economist at Morgan Stanley" names a workplace, not a person. */
export const WORKPLACE_ROLES = words(`
  analyst economist strategist banker trader broker executive director manager partner associate fellow
  researcher scientist engineer professor lecturer student employee worker staff lawyer consultant accountant
  auditor official officer spokesman spokeswoman spokesperson chairman chairwoman
`);

/** Given names that are also function words or months, so NON_NAME_WORDS holds them: "Will Smith", "Theresa May". */
export const GIVEN_NAMES_ALSO_WORDS = words(`
  will may june april august
`);

/** Words before which a capitalised month-like name is a date, not a person: "in May", "since June". */
export const DATE_LEAD_WORDS = words(`
  in on since until till by from of last next early late mid during before after through throughout this that
  every each
`);

/** Lower-case nouns (not also verbs: "shows", "plays") before a title of a work: "the novel Angel Catbird", "the film Maria Full of Grace". */
export const WORK_NOUNS = words(`
  novel novels book books film films movie movies album albums song songs sitcom musical opera documentary
  documentaries magazine newspaper painting paintings poem poems memoir memoirs episode comic comics manga anime
  blog podcast exhibition biography autobiography anthology
`);

/** First words of names of places and churches named after saints: "San Diego", "Santo Spirito", "São Paulo". */
export const SAINT_PREFIXES = words(`
  san santa santo santi são sao sankt sainte
`);

/** Words that end the noun phrase of a description (with DATE_LEAD_WORDS): "an associate [with] the centre". */
export const DESCRIPTION_ENDS = words(`
  with at for to into as who whose which that where and or but is was are were has have had said says
`);

/** Heads of an apposition that describe an organisation: "Foxconn, the Taiwanese manufacturer, said". */
export const ORGANISATION_NOUNS = words(`
  company firm corporation conglomerate manufacturer maker carmaker automaker retailer chain brand giant group
  bank lender insurer investor fund airline carrier operator broadcaster network newspaper website publisher
  agency organisation organization charity party union club team band startup start-up subsidiary unit
  department ministry university institute council government country city state
`);

/**
 * Written works and the participles of making them, before "by" and their author: "a paper by AS Heagle", "a novel
 * written by Chimamanda Adichie". Not studies or reports: institutions author those as often as people.
 */
export const AUTHORED_WORKS = words(`
  paper papers article articles book books novel novels essay essays poem poems biography memoir letter op-ed column
  written authored co-authored edited directed illustrated composed painted
`);

/** Lower-case relatives after a possessive name: "Okonkwo’s wife". */
export const KINSHIP_NOUNS = words(`
  wife husband son sons daughter daughters father mother brother brothers sister sisters parents children
  widow widower fiancée fiancé fiance fiancee girlfriend boyfriend grandson granddaughter grandfather grandmother
  nephew niece cousin uncle aunt stepfather stepmother stepson stepdaughter
`);

/** Lower-case name particles that may sit between the parts of one name ("Ursula von der Leyen"). */
export const NAME_PARTICLES = words(`
  von van der den de del della di da du dos das la le bin ibn al el ter ten zu af
`);

/**
 * Common East Asian family names, written first ("Xi Jinping", "Kim Jong-un", "Tsai Ing-wen"). A general
 * population list, so names like these are recognised without a given-name list for each language.
 */
export const ASIAN_SURNAMES = words(`
  wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang
  han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao jin
  fu zhong cui tan lu fan shi liao jia xia fang zou xiong bai meng qin qiu hou jiang yin xue yan duan lei long
  li kong mao hao qian tao mo xi hua tsai tsang chiang chan cheung wong leung lam ng ho kwok lau yip mak chow
  lai tse chung fung kwan ko au hsu hsieh chu chou kuo lien soong lo
  kim lee park choi jung jeong kang cho yoon yun jang lim im han oh seo shin kwon hwang ahn an song yoo ryu hong
  jeon go moon mun yang son bae baek heo nam noh roh ha kwak sung cha joo woo koo min ra yeo jin chae won
  nguyen tran le pham hoang phan vu vo dang bui do ngo duong ly
`);

/** Verbs of saying: "X said", "said X". */
export const SPEECH_VERBS = words(`
  said says say told tells added adds stated states asked asks wrote writes noted notes explained explains
  claimed claims argued argues insisted insists warned warns announced announces replied replies commented
  comments tweeted tweets believes believed thinks thought admitted admits acknowledged acknowledges confirmed
  confirms denied denies suggested suggests urged urges recalled recalls continued continues concluded
  testified posted responded reported reports described describes told declared declares
`);

/** Words that may stand between a name and its speech verb: "Kerry has said", "Zhao also told". */
export const SPEECH_AUXILIARIES = words(`
  has had have also then later previously once reportedly again further
`);

/** Verbs (and words) after a name that only people take: "Heagle died", "Devocht himself". */
export const PERSON_VERBS = words(`
  died dies resigned resigns retired retires smiled smiles laughed laughs shrugged sighed nodded wept grinned
  winked frowned pleaded pleads graduated himself herself
`);

/** Participles after "was"/"is" that only people take: "Heagle was born", "Okafor was arrested". */
export const PERSON_PARTICIPLES = words(`
  born arrested sentenced elected appointed killed injured wounded hospitalized hospitalised jailed convicted
  acquitted married buried knighted nominated sworn fired indicted detained executed murdered stabbed kidnapped
  abducted
`);

/** Lower-case role nouns just before a name ("spokeswoman Hua Chunying", "his wife Manju Sam"). */
export const ROLE_NOUNS = words(`
  spokesman spokeswoman spokesperson professor coach actor actress singer musician attorney lawyer prosecutor
  judge mayor senator governor president minister secretary ambassador chairman chairwoman director chief leader
  founder co-founder creator editor reporter correspondent writer author journalist analyst researcher scientist
  economist student player goalkeeper striker defender midfielder forward referee manager captain officer
  detective wife husband son daughter father mother brother sister child baby uncle aunt cousin nephew niece
  grandson granddaughter grandfather grandmother friend colleague boyfriend girlfriend partner illustrator
  cosplayer artist photographer designer poet novelist candidate rapper comedian host chef pilot nurse doctor
  activist blogger lecturer teacher priest pastor rabbi imam businessman businesswoman entrepreneur investor
  billionaire banker diplomat envoy official spokesperson premier dean commissioner deputy scientologist
  filmmaker producer star superstar legend veteran rookie teammate victim suspect defendant plaintiff witness
  neighbour neighbor resident prisoner soldier general colonel boy girl man woman
`);

/** Capitalised sentence openers and connectives the lexicon may lack; never names on their own. */
export const NON_NAME_WORDS = words(`
  advertisement additional image photo photograph picture video read more learn get also however meanwhile
  according despite while although though since after before during when where whether yesterday today tomorrow
  monday tuesday wednesday thursday friday saturday sunday january february march april june july august
  september october november december jan feb mar apr jun jul aug sep sept oct nov dec
  mon tue tues wed thu thur thurs fri sat sun
  the a an and or but nor of in on at to for with from by as into onto upon about over under than then so
  is are was were be been am has have had do does did will would shall should can could may might must
  this that these those his her hers its their our my your he she it they we you him them us who whom whose
  what which when where why how not no yes if all any some each every both either neither there here
  god allah christ mr mrs ms dr reuters xinhua yonhap afp kyodo tass interfax bernama
`);

export const COMMON_WORDS = generatedWords(commonWords);
