// The presentation components, for pages to import from one place.
export { Accordion, type AccordionItem, type AccordionProps } from "./Accordion.tsx";
export { Alert, type AlertProps, type AlertVariant } from "./Alert.tsx";
export { Breadcrumbs, type Crumb } from "./Breadcrumbs.tsx";
export { Card, type CardProps, type SummaryItem, SummaryList } from "./Card.tsx";
export { ChartFigure, type ChartFigureProps, InlineChart } from "./ChartFigure.tsx";
export {
  type Column,
  DataTable,
  type DataTableProps,
  type SortDirection,
  type TableSort,
} from "./DataTable.tsx";
export { ErrorSummary, type ErrorSummaryProps, type FieldError } from "./ErrorSummary.tsx";
export {
  Button,
  ButtonGroup,
  ButtonLink,
  type ButtonProps,
  Checkbox,
  CheckboxGroup,
  type CheckboxGroupProps,
  type CheckboxProps,
  ErrorMessage,
  FormGroup,
  type FormGroupProps,
  Hint,
  Label,
  Select,
  type SelectOption,
  type SelectProps,
  TextInput,
  type TextInputProps,
} from "./FormControls.tsx";
export { Header, type HeaderUser, type LogoutForm, type NavItem, PORTAL_NAV } from "./Header.tsx";
export { Icon, type IconName, IconSprite } from "./Icon.tsx";
export { documentTitle, Layout, type LayoutProps, SITE_NAME } from "./Layout.tsx";
export { Pagination, type PaginationProps, pageSlots } from "./Pagination.tsx";
export { SearchForm, type SearchFormProps } from "./SearchForm.tsx";
export {
  FundingBadge,
  InitiativeStatusBadge,
  ProgressBadge,
  RatingBadge,
  RoundStateBadge,
  StatusBadge,
  type StatusBadgeProps,
} from "./StatusBadge.tsx";
