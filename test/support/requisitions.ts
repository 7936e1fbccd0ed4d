// Requisition signals the system suites open requisitions with: the advisor
// turns AI_SIGNALS into an AI Tech Lead role and SOFTWARE_SIGNALS into a
// software Technical Lead (docs/domain: role advice).
export const AI_SIGNALS = {
  mlTeamSize: 4,
  mlArchitectureOwned: false,
  buildsProprietaryModels: true,
  mlInProduction: true,
  mlTechDebtGrowing: true,
  productMlMisaligned: false,
  aiFirstProduct: true,
  partTimeMlLeadership: false,
};

export const SOFTWARE_SIGNALS = {
  mlTeamSize: 1,
  mlArchitectureOwned: false,
  buildsProprietaryModels: false,
  mlInProduction: true,
  mlTechDebtGrowing: false,
  productMlMisaligned: false,
  aiFirstProduct: false,
  partTimeMlLeadership: true,
};
