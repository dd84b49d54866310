## A página Usuários: as pessoas deste computador, adicioná-las e removê-las,
## administradores, a própria senha e foto.

users-title = Usuários
    .keywords = usuários;pessoas;contas;pessoa;adicionar usuário;remover usuário;excluir usuário;administrador;admin;padrão;senha;foto;avatar;imagem;login

users-not-running = O serviço de contas não está em execução
    .body = As pessoas deste computador vêm do AccountsService. Esta página as mostra sozinha assim que ele estiver em execução.
users-unreadable = Não é possível ler as pessoas deste computador

users-people-heading = Pessoas
users-explained = Todas as pessoas que podem entrar neste computador. Adicionar, remover e alterar pessoas exige um administrador.
users-you = você
users-locked = bloqueada
users-standard = Padrão
    .desc = Usa aplicativos e altera as próprias configurações.
users-administrator = Administrador
    .desc = Também pode adicionar e remover pessoas e alterar configurações do computador inteiro.
users-last-administrator = O único administrador: outra pessoa precisa se tornar administradora antes que esta conta deixe de ser.
users-making-administrator = Tornando { $name } administrador…
users-making-standard = Tornando a conta de { $name } padrão…
users-automatic-login = Login automático
    .desc = Entra sem senha quando este computador liga. Só uma pessoa pode ter.
users-turning-on-automatic-login = Ativando o login automático de { $name }…
users-turning-off-automatic-login = Desativando o login automático de { $name }…
users-cancel = Cancelar

users-add-open = Adicionar uma pessoa…
users-add-title = Adicionar uma pessoa
users-real-name = Nome completo
users-login-name = Nome de login
users-account-type = Tipo de conta
users-password = Senha
users-password-confirm = Digite a senha de novo
users-add = Adicionar
users-adding = Adicionando { $name }…
users-real-name-empty = Digite o nome completo da pessoa.
users-name-empty = Digite um nome de login.
users-name-too-long = O nome de login pode ter no máximo { $count } caracteres.
users-name-bad-start = O nome de login deve começar com uma letra minúscula.
users-name-bad-characters = O nome de login só pode ter letras minúsculas, algarismos, hifens e sublinhados.
users-password-too-short = A senha precisa de pelo menos { $count } caracteres.
users-password-too-long = A senha é longa demais.
users-password-mismatch = As duas senhas não são iguais.
users-strength-too-short = Curta demais: pelo menos { $count } caracteres
users-strength-weak = Senha fraca
users-strength-fair = Senha razoável
users-strength-strong = Senha forte

users-remove-open = Remover…
users-remove-title = Remover { $name }?
users-remove-body = A pessoa não poderá mais entrar.
users-remove-keep = Manter os arquivos
    .desc = A pasta pessoal fica neste computador.
users-remove-delete = Excluir os arquivos
    .desc = A pasta pessoal e tudo o que há nela são excluídos.
users-remove = Remover
users-removing = Removendo { $name }…

users-password-open = Alterar senha…
users-password-title = Alterar sua senha
users-password-new = Nova senha
users-password-change = Alterar senha
users-password-changing = Alterando sua senha…

users-picture-open = Alterar foto…
users-picture-title = Alterar sua foto
users-picture-body = Digite o caminho de uma imagem PNG ou JPEG. Ela é cortada em quadrado e reduzida.
users-picture-path = Arquivo de imagem
users-picture-use = Usar imagem
users-picture-setting = Definindo sua foto…
users-picture-empty = Digite o caminho de um arquivo de imagem.
users-picture-not-absolute = Digite o caminho completo, começando com /.
users-picture-unreadable = Não é possível ler esse arquivo.
users-picture-too-large = Essa imagem é grande demais.
users-picture-not-a-picture = Esse arquivo não é uma imagem PNG ou JPEG.

users-error-add-refused = A pessoa não foi adicionada: um administrador não permitiu.
users-error-remove-refused = A pessoa não foi removida: um administrador não permitiu.
users-error-type-refused = O tipo de conta não foi alterado: um administrador não permitiu.
users-error-password-refused = A senha não foi alterada: a alteração não foi confirmada.
users-error-picture-refused = A foto não foi alterada: não foi permitido.
users-error-automatic-login-refused = O login automático não foi alterado: um administrador não permitiu.
users-error-gone = O serviço de contas parou, então nada foi alterado. Esta página mostra as pessoas de novo quando ele voltar.
users-error-no-answer = O serviço de contas não respondeu. A alteração pode não ter sido feita; a página mostra o que o serviço diz assim que ele responder.
users-error-name-taken = O nome de login “{ $name }” já está em uso. Escolha outro.
users-error-no-such-person = Essa pessoa não está mais neste computador.
users-error-failed = O serviço de contas não conseguiu fazer a alteração.
