/**
 * Word pools for generated teams: names in English and Arabic, realistic email domains,
 * the trades of allied resources, and places around Portland, OR and Vancouver, WA.
 * Every business here is made up.
 */

/** English given names. */
// prettier-ignore
export const ENGLISH_GIVEN = [
  'Dana', 'Marcus', 'Emily', 'James', 'Olivia', 'Noah', 'Grace', 'Ethan', 'Hannah', 'Lucas',
  'Chloe', 'Owen', 'Megan', 'Tyler', 'Rachel', 'Caleb', 'Natalie', 'Jordan', 'Abigail', 'Ryan',
  'Sophie', 'Daniel', 'Lauren', 'Nathan', 'Claire', 'Logan', 'Brooke', 'Isaac', 'Molly', 'Wyatt',
  'Priya', 'Kenji', 'Mei', 'Diego', 'Camila', 'Andre', 'Tamara', 'Kofi', 'Ingrid', 'Mateo',
  'Heather', 'Scott', 'Jenna', 'Brian', 'Kayla', 'Derek', 'Allison', 'Trevor', 'Vanessa', 'Colin',
] as const

/** English family names. */
// prettier-ignore
export const ENGLISH_FAMILY = [
  'Whitfield', 'Oyelaran', 'Carter', 'Nguyen', 'Bennett', 'Okafor', 'Sullivan', 'Lindqvist', 'Ramirez', 'Brooks',
  'Hayes', 'Patel', 'Morrison', 'Tanaka', 'Fischer', 'Delgado', 'Hughes', 'Kowalski', 'Reyes', 'Foster',
  'Griffin', 'Chen', 'Walsh', 'Abernathy', 'Mbeki', 'Larsen', 'Ortega', 'Pham', 'Sinclair', 'Dunn',
  'Harper', 'Castillo', 'Ellison', 'McAllister', 'Novak', 'Park', 'Quinn', 'Rasmussen', 'Stewart', 'Vaughn',
  'Holloway', 'Iverson', 'Jensen', 'Kimura', 'Lowell', 'Mendoza', 'Nakamura', 'Osei', 'Prescott', 'Yates',
] as const

/** An Arabic name part in Arabic script with its usual Latin spelling. */
export interface ArabicName {
  ar: string
  latin: string
}

/** Arabic given names. */
// prettier-ignore
export const ARABIC_GIVEN: readonly ArabicName[] = [
  { ar: 'سارة', latin: 'Sara' }, { ar: 'محمد', latin: 'Mohammed' }, { ar: 'ليلى', latin: 'Layla' },
  { ar: 'أحمد', latin: 'Ahmed' }, { ar: 'نور', latin: 'Nour' }, { ar: 'عمر', latin: 'Omar' },
  { ar: 'فاطمة', latin: 'Fatima' }, { ar: 'يوسف', latin: 'Youssef' }, { ar: 'مريم', latin: 'Mariam' },
  { ar: 'خالد', latin: 'Khaled' }, { ar: 'رنا', latin: 'Rana' }, { ar: 'طارق', latin: 'Tarek' },
  { ar: 'هدى', latin: 'Huda' }, { ar: 'كريم', latin: 'Karim' }, { ar: 'ريم', latin: 'Reem' },
  { ar: 'سامي', latin: 'Sami' }, { ar: 'دينا', latin: 'Dina' }, { ar: 'زياد', latin: 'Ziad' },
  { ar: 'ياسمين', latin: 'Yasmin' }, { ar: 'حسن', latin: 'Hassan' }, { ar: 'لينا', latin: 'Lina' },
  { ar: 'علي', latin: 'Ali' }, { ar: 'هالة', latin: 'Hala' }, { ar: 'فيصل', latin: 'Faisal' },
]

/** Arabic family names. */
// prettier-ignore
export const ARABIC_FAMILY: readonly ArabicName[] = [
  { ar: 'العلي', latin: 'Al-Ali' }, { ar: 'الحربي', latin: 'Al-Harbi' }, { ar: 'حداد', latin: 'Haddad' },
  { ar: 'الخطيب', latin: 'Khatib' }, { ar: 'منصور', latin: 'Mansour' }, { ar: 'النجار', latin: 'Najjar' },
  { ar: 'السيد', latin: 'El-Sayed' }, { ar: 'القحطاني', latin: 'Al-Qahtani' }, { ar: 'سليمان', latin: 'Suleiman' },
  { ar: 'عبد الله', latin: 'Abdullah' }, { ar: 'الشمري', latin: 'Al-Shammari' }, { ar: 'خوري', latin: 'Khoury' },
  { ar: 'عيسى', latin: 'Issa' }, { ar: 'الزعبي', latin: 'Zoubi' }, { ar: 'حمدان', latin: 'Hamdan' },
  { ar: 'البنا', latin: 'Al-Banna' }, { ar: 'ناصر', latin: 'Nasser' }, { ar: 'عوض', latin: 'Awad' },
  { ar: 'الرفاعي', latin: 'Rifai' }, { ar: 'شاهين', latin: 'Shaheen' },
]

/** Personal email domains, weighted by how often they turn up in US contact lists. */
export const EMAIL_DOMAINS = {
  'gmail.com': 46,
  'yahoo.com': 10,
  'icloud.com': 10,
  'outlook.com': 9,
  'hotmail.com': 7,
  'comcast.net': 6,
  'aol.com': 3,
  'protonmail.com': 2,
  'msn.com': 2,
} as const

/** A business that serves the same clients as an agent (000: Allied Resources). */
export interface Trade {
  tag: string
  need: string
  titles: readonly string[]
  orgs: readonly string[]
}

/** The trades of allied resources, with made-up businesses. */
export const TRADES: readonly Trade[] = [
  {
    tag: 'lender',
    need: 'pre-approval for a mortgage',
    titles: ['Loan Officer', 'Mortgage Advisor', 'Branch Manager'],
    orgs: ['Cascade Lending', 'Willamette Home Loans', 'Bridgetown Mortgage'],
  },
  {
    tag: 'inspector',
    need: 'a pre-purchase home inspection',
    titles: ['Home Inspector', 'Owner'],
    orgs: ['Rose City Inspections', 'Clearview Home Inspection'],
  },
  {
    tag: 'insurer',
    need: 'a homeowners insurance quote',
    titles: ['Insurance Agent', 'Account Manager'],
    orgs: ['Multnomah Insurance Group', 'Evergreen Mutual Agency'],
  },
  {
    tag: 'mover',
    need: 'movers for a local move',
    titles: ['Owner', 'Move Coordinator'],
    orgs: ['Bridge City Movers', 'Pacific Crest Moving'],
  },
  {
    tag: 'contractor',
    need: 'a kitchen remodel estimate',
    titles: ['General Contractor', 'Project Manager'],
    orgs: ['Sellwood Renovation Co.', 'Timberline Builders'],
  },
  {
    tag: 'stager',
    need: 'staging before listing',
    titles: ['Home Stager', 'Designer'],
    orgs: ['Pearl Staging Studio'],
  },
  {
    tag: 'attorney',
    need: 'a real-estate attorney for an estate sale',
    titles: ['Attorney'],
    orgs: ['Hollis & Grant LLP'],
  },
  {
    tag: 'title',
    need: 'title and escrow for a closing',
    titles: ['Escrow Officer'],
    orgs: ['Columbia Title & Escrow'],
  },
]

/** Employers and job titles for contacts who are not allied resources. */
export const JOBS: readonly { org: string; title: string }[] = [
  { org: 'Rose City Dental', title: 'Dentist' },
  { org: 'Columbia Software', title: 'Software Engineer' },
  { org: 'Hawthorne Coffee Roasters', title: 'Owner' },
  { org: 'Tualatin Valley Schools', title: 'Teacher' },
  { org: 'Northwest Family Clinic', title: 'Nurse Practitioner' },
  { org: 'Pearl District Design Co.', title: 'Architect' },
  { org: 'Cascade Outdoor Gear', title: 'Product Manager' },
  { org: 'Riverside Credit Union', title: 'Branch Manager' },
  { org: 'Lloyd Center Physical Therapy', title: 'Physical Therapist' },
  { org: 'Portland Bike Works', title: 'Mechanic' },
  { org: 'Alder Street Bakery', title: 'Pastry Chef' },
  { org: 'Summit Accounting', title: 'CPA' },
  { org: 'Mount Tabor Veterinary', title: 'Veterinarian' },
  { org: 'Willamette Valley Wines', title: 'Sales Director' },
]

/** A city with its state and a few of its ZIP codes. */
export interface Place {
  city: string
  region: string
  zips: readonly string[]
}

/** Cities of the team's market. */
export const PLACES: readonly Place[] = [
  {
    city: 'Portland',
    region: 'OR',
    zips: ['97202', '97206', '97211', '97212', '97214', '97217', '97219', '97232'],
  },
  { city: 'Beaverton', region: 'OR', zips: ['97005', '97006', '97007'] },
  { city: 'Lake Oswego', region: 'OR', zips: ['97034', '97035'] },
  { city: 'Hillsboro', region: 'OR', zips: ['97123', '97124'] },
  { city: 'Tigard', region: 'OR', zips: ['97223', '97224'] },
  { city: 'Gresham', region: 'OR', zips: ['97030', '97080'] },
  { city: 'Vancouver', region: 'WA', zips: ['98660', '98661', '98683', '98685'] },
  { city: 'Camas', region: 'WA', zips: ['98607'] },
]

/** Street names for addresses. */
// prettier-ignore
export const STREETS = [
  'SE Hawthorne Blvd', 'NE Alberta St', 'SW Elm St', 'NW 23rd Ave', 'SE Division St', 'N Williams Ave',
  'NE Fremont St', 'SE Belmont St', 'SW Vista Ave', 'Main St', 'Oak Grove Dr', 'Cedar Hills Blvd',
  'Evergreen Pkwy', 'Columbia River Hwy', 'Maple Ln', 'Lakeview Blvd',
] as const

/** Neighbourhoods for farm areas and preferred locations. */
// prettier-ignore
export const NEIGHBOURHOODS = [
  'Laurelhurst', 'Sellwood', 'Irvington', 'Alameda', 'Eastmoreland', 'Hosford-Abernethy', 'Mount Tabor',
  'St. Johns', 'Multnomah Village', 'Hazel Dell', 'Felida', 'Cedar Mill',
] as const

/** Property types for preferences. */
export const PROPERTY_TYPES = [
  'single-family',
  'condo',
  'townhouse',
  'duplex',
  'land',
  'multi-family',
] as const

/** Must-have features for preferences. */
// prettier-ignore
export const FEATURES = [
  'garage', 'yard', 'home office', 'single level', 'walkable', 'good schools', 'ADU', 'view', 'updated kitchen',
] as const

/** Segment tags a team might put on contacts. */
// prettier-ignore
export const SEGMENT_TAGS = [
  'first-time-buyer', 'move-up', 'downsizing', 'investor', 'relocation', 'luxury', 'expired-listing',
  'fsbo', 'vip', 'sphere', 'newsletter', 'holiday-party',
] as const
