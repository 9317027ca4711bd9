/** Fictional delegates of the demo organisations (one or two each). Nobody here is a real person. */
export const DEMO_PASSWORD = 'parley-demo-2026';
export const DEMO_STEWARD = { name: 'Sam Steward', email: 'steward@parley.example' };

export const DEMO_DELEGATES: { organisation: string; name: string; title: string }[] = [
  { organisation: 'France', name: 'Claire Dubois', title: 'Ambassador for digital affairs' },
  { organisation: 'United States', name: 'Michael Grant', title: 'Cyber policy officer' },
  { organisation: 'United Kingdom', name: 'Eleanor Hughes', title: 'Head of cyber diplomacy' },
  { organisation: 'Canada', name: 'Marc Tremblay', title: 'Senior policy adviser' },
  { organisation: 'Japan', name: 'Haruka Sato', title: 'Deputy director, cyber policy' },
  { organisation: 'Senegal', name: 'Aminata Diop', title: 'Digital economy adviser' },
  { organisation: 'Mexico', name: 'Lucía Hernández', title: 'Director for multilateral cyber affairs' },
  { organisation: 'Commonwealth of Virginia', name: 'Daniel Brooks', title: 'Chief information security officer' },
  { organisation: 'State of Colorado', name: 'Rachel Moreno', title: 'Cybersecurity programme lead' },
  { organisation: 'Microsoft', name: 'Jonathan Reed', title: 'Director, digital diplomacy' },
  { organisation: 'F-Secure', name: 'Mikko Virtanen', title: 'Head of public policy' },
  { organisation: 'Kaspersky', name: 'Irina Volkova', title: 'Head of public affairs' },
  { organisation: 'Cigref', name: 'Philippe Martin', title: 'Delegate general' },
  { organisation: 'Siemens', name: 'Katrin Weber', title: 'Charter of Trust coordinator' },
  { organisation: 'Google', name: 'Priya Nair', title: 'Public policy manager' },
  { organisation: 'Facebook', name: 'Tom Becker', title: 'Security policy lead' },
  { organisation: 'IBM', name: 'Sandra Lopez', title: 'Government affairs director' },
  { organisation: 'Airbus', name: 'Julien Lefèvre', title: 'Cybersecurity policy director' },
  { organisation: 'Cisco', name: 'Kevin O’Brien', title: 'Trust strategy lead' },
  { organisation: 'Thales', name: 'Sophie Laurent', title: 'Head of cyber policy' },
  { organisation: 'U.S. Chamber of Commerce', name: 'Brian Walsh', title: 'Senior director, cyber policy' },
  { organisation: 'GEODE (Géopolitique de la datasphère)', name: 'Camille Girard', title: 'Research fellow' },
  { organisation: 'University of Florence research centre', name: 'Giulia Rossi', title: 'Professor of international law' },
  { organisation: 'Access Now', name: 'Ana Ruiz', title: 'Policy analyst' },
  { organisation: 'Public Knowledge', name: 'Marcus Johnson', title: 'Policy counsel' },
  { organisation: 'Center for Democracy and Technology', name: 'Emily Chen', title: 'Director, security and surveillance' },
  { organisation: 'Carnegie Endowment for International Peace', name: 'David Okafor', title: 'Senior fellow, cyber policy' },
  { organisation: 'Chatham House', name: 'Olivia Bennett', title: 'Research associate, international security' },
  { organisation: 'Internet Society', name: 'Rahul Mehta', title: 'Internet policy adviser' },
  { organisation: 'Asia Pacific Network Information Centre', name: 'Mei Lin Tan', title: 'Community engagement manager' },
  { organisation: 'World Wide Web Foundation', name: 'Nadia Haddad', title: 'Policy director' },
];

/** Organisations a steward has not verified yet in the demo, so the unverified badge and alarm show. */
export const DEMO_UNVERIFIED = ['U.S. Chamber of Commerce', 'GEODE (Géopolitique de la datasphère)'];

export const demoEmail = (name: string) =>
  `${name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '')}@demo.parley.example`;

/**
 * Each delegate's organisation has a focal point (fictional too), appointed by the steward, who
 * confirms the delegate's affiliation: the audit log names who vouched for whom.
 */
export const DEMO_FOCAL_POINT_NAMES = [
  'Isabelle Moreau', 'Robert Hayes', 'Fiona Campbell', 'Louise Gagnon', 'Kenji Watanabe', 'Moussa Ndiaye', 'Javier Ortega', 'Laura Mitchell',
  'Steven Park', 'Hannah Fischer', 'Aino Korhonen', 'Pavel Orlov', 'Nathalie Roux', 'Stefan Braun', 'Arjun Rao', 'Grace Lee',
  'Paul Whitman', 'Claire Fontaine', 'Hugo Bernard', 'Élise Marchand', 'Susan Clark', 'Antoine Mercier', 'Marco Bianchi', 'Lena Vogel',
  'Jorge Castillo', 'Sarah Goldberg', 'Samuel Adeyemi', 'Henry Walker', 'Ingrid Nilsson', 'Wei Ling Goh', 'Yasmin Farouk',
];
export const DEMO_FOCAL_POINT_TITLE = 'Focal point for Parley';
